package org.careledger.common;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SingleLineTest {

    @ParameterizedTest
    @ValueSource(strings = {"\r", "\n", "\t", "\u0000", "\u0007", "\u001B", "\u001F", "\u007F", "\u0080", "\u0085", "\u009B", "\u009F",
            "\u2028", "\u2029"})
    void everyC0AndC1ControlAndTheUnicodeLineAndParagraphSeparatorsBreakTheLineWhereverTheyStand(String c) {
        assertThat(SingleLine.holds(c)).isFalse();
        assertThat(SingleLine.holds("Bupa" + c + "Health")).isFalse();
        assertThat(SingleLine.holds(c + "Bupa")).isFalse();
        assertThat(SingleLine.holds("Bupa" + c)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"St. Mary's General Hospital", "Zoë O’Brien", "李小龙", "  spaces  around  ", "non\u00A0breaking",
            "𠀀 supplementary", "zero\u200Dwidth joiner", "GMC-123/4"})
    void textOnOneLineHoldsWhateverItsScriptAndSpaces(String text) {
        assertThat(SingleLine.holds(text)).isTrue();
    }

    @org.junit.jupiter.api.Test
    void theMessageSaysWhatToDo() {
        assertThat(SingleLine.MESSAGE).isEqualTo("Use one line, without control characters");
    }
}
