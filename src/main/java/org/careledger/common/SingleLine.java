package org.careledger.common;

/**
 * The rule for every text a form takes on one line (a name, a number, a code, a reason shown in a
 * sentence): no control character, C0 or C1 (CR, LF and TAB among them), and no Unicode line or
 * paragraph separator (U+2028, U+2029). Such a character does not belong in one line, and where the
 * text is shown, logged or put in a sentence it breaks the line or hides what follows. Each module's
 * rule classes apply it to their single-line fields, refusing the text (never quietly removing the
 * character) with {@link #MESSAGE} next to the field. Multi-line fields (a note, a postal address)
 * have rules of their own.
 */
public final class SingleLine {

    /** What a person reads next to a single-line field that broke the rule. */
    public static final String MESSAGE = "Use one line, without control characters";

    private SingleLine() {
    }

    /** Whether {@code text} keeps to one line; null and empty text do. */
    public static boolean holds(String text) {
        return text == null || text.codePoints().noneMatch(SingleLine::breaksTheLine);
    }

    private static boolean breaksTheLine(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }
}
