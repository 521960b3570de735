package org.careledger.pharmacy;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RxNormCodeTest {

    @Test
    void aCodeIsOneToTenDigitsWithoutALeadingZero() {
        assertThat(RxNormCode.of("723")).hasToString("723");
        assertThat(RxNormCode.of("1234567890").value()).hasSize(10);
        for (String bad : new String[] {"", "12345678901", "72a", "-723", " 723", "0723", "7.23"}) {
            assertThatThrownBy(() -> RxNormCode.of(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("RxNorm code");
        }
        assertThatThrownBy(() -> RxNormCode.of(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSnomedCodeOrFreeTextIsNotAnRxNormCode() {
        assertThat(RxNormCode.tryParse("7984")).contains(RxNormCode.of("7984"));
        assertThat(RxNormCode.tryParse("442571000124108")).isEmpty();
        assertThat(RxNormCode.tryParse("penicillin")).isEmpty();
    }

    @Test
    void codesOrderByNumberNotByText() {
        List<RxNormCode> sorted = Stream.of("308182", "723", "1191", "7984").map(RxNormCode::of).sorted().toList();

        assertThat(sorted).extracting(RxNormCode::value).containsExactly("723", "1191", "7984", "308182");
    }
}
