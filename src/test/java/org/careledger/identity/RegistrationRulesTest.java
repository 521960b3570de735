package org.careledger.identity;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.stream.Stream;

import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegistrationRulesTest {

    private static final String NAME_CHARS = "Use letters, spaces, apostrophes, periods and hyphens only";
    private static final String ONE_LINE = "Use one line, without control characters";

    @Nested
    class FullName {

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   ", "\t"})
        void aMissingNameAsksForTheFullName(String raw) {
            assertThatThrownBy(() -> RegistrationRules.fullName(raw))
                    .isInstanceOf(FieldRuleViolation.class)
                    .hasMessage("Enter your full name");
        }

        @Test
        void aNameOfAHundredCharactersIsAcceptedButNotOneOfAHundredAndOne() {
            assertThat(RegistrationRules.fullName("a".repeat(100))).hasSize(100);
            assertThatThrownBy(() -> RegistrationRules.fullName("a".repeat(101)))
                    .isInstanceOf(FieldRuleViolation.class)
                    .hasMessage("A name has at most 100 characters");
        }

        @Test
        void lengthIsCountedInCharactersNotUtf16Units() {
            // 100 CJK supplementary-plane characters are 200 UTF-16 units but 100 characters.
            String hundred = "𠀀".repeat(100);
            assertThat(RegistrationRules.fullName(hundred)).isEqualTo(hundred);
        }

        @ParameterizedTest
        @ValueSource(strings = {"<script>alert(1)</script>", "Robert'); DROP TABLE users;--", "John Smith 2nd",
                "R2D2", "12345", "Jane_Doe", "Jane@Doe", "'.-", "   .  "})
        void markupSqlDigitsAndNamesWithoutLettersAreRefused(String raw) {
            assertThatThrownBy(() -> RegistrationRules.fullName(raw))
                    .isInstanceOf(FieldRuleViolation.class)
                    .hasMessage(NAME_CHARS);
        }

        @ParameterizedTest
        @ValueSource(strings = {"O'Brien", "Zoë", "Jean-Luc", "李小龙", "Dr. J. Smith", "Zoë O’Brien"})
        void namesOfRealPeopleInAnyScriptAreAccepted(String raw) {
            assertThat(RegistrationRules.fullName(raw)).isEqualTo(raw);
        }

        @Test
        void aDecomposedNameIsStoredComposed() {
            String nfd = "Zoe\u0308";
            String stored = RegistrationRules.fullName(nfd);
            assertThat(stored).isEqualTo("Z\u006f\u00eb").hasSize(3);
        }

        @Test
        void surroundingSpaceIsTrimmed() {
            assertThat(RegistrationRules.fullName("  Jean-Luc Picard  ")).isEqualTo("Jean-Luc Picard");
        }

        @ParameterizedTest
        @MethodSource("org.careledger.identity.RegistrationRulesTest#lineBreakers")
        void aNameWithALineBreakOrControlCharacterAnywhereIsRefusedNotTrimmed(String c) {
            assertOneLineAsked(() -> RegistrationRules.fullName("Jean-Luc" + c + "Picard"));
            assertOneLineAsked(() -> RegistrationRules.fullName("Jean-Luc Picard" + c));
        }
    }

    @Nested
    class Email {

        @Test
        void aValidAddressIsStoredInLowerCase() {
            assertThat(RegistrationRules.email("name@example.org")).isEqualTo("name@example.org");
            assertThat(RegistrationRules.email("  Jane.Doe+Tag@Example.ORG ")).isEqualTo("jane.doe+tag@example.org");
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"  "})
        void aMissingAddressAsksForIt(String raw) {
            assertThatThrownBy(() -> RegistrationRules.email(raw)).hasMessage("Enter your email address");
        }

        @ParameterizedTest
        @ValueSource(strings = {"name.example.org", "name@example", "na me@example.org", "name@exa mple.org",
                "name@@example.org", ".name@example.org", "name@example.org.", "<script>@x.org"})
        void malformedAddressesAreRefused(String raw) {
            assertThatThrownBy(() -> RegistrationRules.email(raw))
                    .isInstanceOf(FieldRuleViolation.class)
                    .hasMessage("Enter a valid email address, such as name@example.org");
        }

        @ParameterizedTest
        @MethodSource("org.careledger.identity.RegistrationRulesTest#lineBreakers")
        void anAddressWithALineBreakOrControlCharacterAnywhereIsRefusedNotTrimmed(String c) {
            assertOneLineAsked(() -> RegistrationRules.email("jane" + c + "@example.org"));
            assertOneLineAsked(() -> RegistrationRules.email("jane@example.org" + c));
        }

        @Test
        void anAddressLongerThan254CharactersIsRefused() {
            String local = "a".repeat(64);
            String domain = ("b".repeat(60) + ".").repeat(4) + "org"; // 247 chars
            assertThatThrownBy(() -> RegistrationRules.email(local + "@" + domain))
                    .hasMessage("Enter a valid email address, such as name@example.org");
        }
    }

    @Nested
    class Mobile {

        @Test
        void spacesAndDashesAreRemoved() {
            assertThat(RegistrationRules.mobile("+44 7700-900 123")).isEqualTo("+447700900123");
        }

        @Test
        void eightAndFifteenDigitsAreTheBounds() {
            assertThat(RegistrationRules.mobile("+12345678")).isEqualTo("+12345678");
            assertThat(RegistrationRules.mobile("+123456789012345")).isEqualTo("+123456789012345");
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {" - "})
        void aMissingNumberAsksForIt(String raw) {
            assertThatThrownBy(() -> RegistrationRules.mobile(raw)).hasMessage("Enter your mobile number");
        }

        @ParameterizedTest
        @MethodSource("org.careledger.identity.RegistrationRulesTest#lineBreakers")
        void aNumberWithALineBreakOrControlCharacterIsRefusedNotStrippedLikeASpace(String c) {
            assertOneLineAsked(() -> RegistrationRules.mobile("+44 7700" + c + "900123"));
            assertOneLineAsked(() -> RegistrationRules.mobile("+447700900123" + c));
        }

        @ParameterizedTest
        @ValueSource(strings = {"447700900123", "+1234567", "+1234567890123456", "+44 7700 ABC123", "+44 (7700) 900123"})
        void numbersNotInInternationalFormAreRefused(String raw) {
            assertThatThrownBy(() -> RegistrationRules.mobile(raw))
                    .isInstanceOf(FieldRuleViolation.class)
                    .hasMessageStartingWith("Enter the number in international form: + and 8 to 15 digits");
        }
    }

    @Nested
    class DateOfBirth {

        private final Clock clock = Clock.fixed(Instant.parse("2026-03-15T10:00:00Z"), ZoneOffset.UTC);
        private final LocalDate today = LocalDate.of(2026, 3, 15);

        @Test
        void yesterdayIsAccepted() {
            assertThat(RegistrationRules.dateOfBirth(today.minusDays(1), clock)).isEqualTo(today.minusDays(1));
        }

        @Test
        void todayAndTomorrowAreRefused() {
            assertThatThrownBy(() -> RegistrationRules.dateOfBirth(today, clock)).hasMessage("A date of birth lies in the past");
            assertThatThrownBy(() -> RegistrationRules.dateOfBirth(today.plusDays(1), clock)).hasMessage("A date of birth lies in the past");
        }

        @Test
        void exactlyAHundredAndThirtyYearsAgoIsAcceptedOneDayMoreIsNot() {
            assertThat(RegistrationRules.dateOfBirth(LocalDate.of(1896, 3, 15), clock)).isEqualTo(LocalDate.of(1896, 3, 15));
            assertThatThrownBy(() -> RegistrationRules.dateOfBirth(LocalDate.of(1896, 3, 14), clock))
                    .hasMessage("A date of birth is at most 130 years ago");
        }

        @Test
        void aHundredAndThirtyOneYearsAgoIsRefused() {
            assertThatThrownBy(() -> RegistrationRules.dateOfBirth(today.minusYears(131), clock))
                    .isInstanceOf(FieldRuleViolation.class)
                    .hasMessage("A date of birth is at most 130 years ago");
        }

        @Test
        void aMissingDateAsksForIt() {
            assertThatThrownBy(() -> RegistrationRules.dateOfBirth(null, clock)).hasMessage("Enter your date of birth");
        }

        @Test
        void todayIsTheClocksToday() {
            // Late on 15 March in UTC: the 14th is in the past, the 15th not.
            Clock late = Clock.fixed(Instant.parse("2026-03-15T23:59:59Z"), ZoneOffset.UTC);
            assertThat(RegistrationRules.dateOfBirth(LocalDate.of(2026, 3, 14), late)).isNotNull();
            assertThatThrownBy(() -> RegistrationRules.dateOfBirth(LocalDate.of(2026, 3, 15), late))
                    .isInstanceOf(FieldRuleViolation.class);
        }
    }

    @Nested
    class ReferenceNumber {

        @Test
        void aValidNumberIsStoredInUpperCase() {
            assertThat(RegistrationRules.referenceNumber("GMC-123/4", "medical registration number")).isEqualTo("GMC-123/4");
            assertThat(RegistrationRules.referenceNumber(" gmc-1234 ", "medical registration number")).isEqualTo("GMC-1234");
        }

        @Test
        void fourAndTwentyCharactersAreTheBounds() {
            assertThat(RegistrationRules.referenceNumber("AB12", "policy number")).isEqualTo("AB12");
            assertThat(RegistrationRules.referenceNumber("A".repeat(20), "policy number")).hasSize(20);
        }

        @ParameterizedTest
        @ValueSource(strings = {"AB1", "ABCDEFGHIJ0123456789X", "AB 12", "AB_12", "AB12;--", "<b>1234</b>"})
        void numbersOutsideTheFormatAreRefusedNamingWhatWasAskedFor(String raw) {
            assertThatThrownBy(() -> RegistrationRules.referenceNumber(raw, "policy number"))
                    .isInstanceOf(FieldRuleViolation.class)
                    .hasMessage("A policy number has 4 to 20 letters, digits, '-' or '/'");
        }

        @ParameterizedTest
        @MethodSource("org.careledger.identity.RegistrationRulesTest#lineBreakers")
        void registrationAndPolicyNumbersWithALineBreakOrControlCharacterAreRefusedNotTrimmed(String c) {
            assertOneLineAsked(() -> RegistrationRules.referenceNumber("GMC" + c + "1234", "medical registration number"));
            assertOneLineAsked(() -> RegistrationRules.referenceNumber("GMC-1234" + c, "medical registration number"));
            assertOneLineAsked(() -> RegistrationRules.referenceNumber(c + "POL-1234", "policy number"));
        }

        @ParameterizedTest
        @NullAndEmptySource
        void aMissingNumberAsksForIt(String raw) {
            assertThatThrownBy(() -> RegistrationRules.referenceNumber(raw, "pharmacy licence number"))
                    .hasMessage("Enter the pharmacy licence number");
        }
    }

    @Nested
    class AddressAndOrganisation {

        @Test
        void anAddressIsTrimmedAndMayHaveSeveralLines() {
            assertThat(RegistrationRules.postalAddress(" 4 Elm Close\nCambridge ")).isEqualTo("4 Elm Close\nCambridge");
        }

        @Test
        void anAddressOf301CharactersIsRefused() {
            assertThat(RegistrationRules.postalAddress("a".repeat(300))).hasSize(300);
            assertThatThrownBy(() -> RegistrationRules.postalAddress("a".repeat(301)))
                    .hasMessage("An address has at most 300 characters");
        }

        @Test
        void controlCharactersAreRefused() {
            assertThatThrownBy(() -> RegistrationRules.postalAddress("4 Elm\u0000 Close"))
                    .hasMessage("Remove the invisible control characters");
            assertThatThrownBy(() -> RegistrationRules.organisation("Bupa\u202E", "health-insurance provider"))
                    .hasMessage("Remove the invisible control characters");
        }

        @Test
        void missingValuesAskForThem() {
            assertThatThrownBy(() -> RegistrationRules.postalAddress(" ")).hasMessage("Enter your address");
            assertThatThrownBy(() -> RegistrationRules.organisation(null, "health-insurance provider"))
                    .hasMessage("Enter the health-insurance provider");
        }

        @ParameterizedTest
        @MethodSource("org.careledger.identity.RegistrationRulesTest#lineBreakers")
        void theInsurerIsOneLineWithoutControlCharacters(String c) {
            assertOneLineAsked(() -> RegistrationRules.organisation("Bupa" + c + "Health", "health-insurance provider"));
            assertOneLineAsked(() -> RegistrationRules.organisation("Bupa Health" + c, "health-insurance provider"));
        }

        @Test
        void anAddressKeepsItsLineBreaksButNoOtherControlCharacter() {
            assertThat(RegistrationRules.postalAddress("4 Elm Close\nCambridge\nCB1 1AA")).isEqualTo("4 Elm Close\nCambridge\nCB1 1AA");
            assertThatThrownBy(() -> RegistrationRules.postalAddress("4 Elm Close\tCambridge"))
                    .hasMessage("Remove the invisible control characters");
        }

        @Test
        void anOrganisationOf101CharactersIsRefused() {
            assertThatThrownBy(() -> RegistrationRules.organisation("a".repeat(101), "health-insurance provider"))
                    .hasMessage("The health-insurance provider has at most 100 characters");
        }
    }

    @Nested
    class RejectionReason {

        @Test
        void aReasonIsTrimmedAndKept() {
            assertThat(RegistrationRules.rejectionReason("  Policy number not found at the insurer ")).isEqualTo("Policy number not found at the insurer");
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   ", "\n"})
        void aMissingReasonIsAskedFor(String raw) {
            assertThatThrownBy(() -> RegistrationRules.rejectionReason(raw)).hasMessage("Give the applicant a reason (1 to 500 characters)");
        }

        @Test
        void fiveHundredCharactersAreTheMost() {
            assertThat(RegistrationRules.rejectionReason("x".repeat(500))).hasSize(500);
            assertThatThrownBy(() -> RegistrationRules.rejectionReason("x".repeat(501))).hasMessage("Give the applicant a reason (1 to 500 characters)");
        }

        @ParameterizedTest
        @MethodSource("org.careledger.identity.RegistrationRulesTest#lineBreakers")
        void aReasonIsOneLineBecauseTheApplicantReadsItInASentence(String c) {
            assertOneLineAsked(() -> RegistrationRules.rejectionReason("Policy number" + c + "not found"));
            assertOneLineAsked(() -> RegistrationRules.rejectionReason("Policy number not found" + c));
        }
    }

    /**
     * Characters that break a single line: CR, LF, CR LF, TAB, other C0 controls (NUL, ESC), DEL, C1
     * controls (NEL, CSI) and the Unicode line and paragraph separators.
     */
    static Stream<String> lineBreakers() {
        return Stream.of("\r", "\n", "\r\n", "\t", "\u0000", "\u001B", "\u007F", "\u0085", "\u009B", "\u2028", "\u2029");
    }

    private static void assertOneLineAsked(ThrowableAssert.ThrowingCallable rule) {
        assertThatThrownBy(rule).isInstanceOf(FieldRuleViolation.class).hasMessage(ONE_LINE);
    }
}
