package org.careledger.common;

import java.util.regex.Pattern;

/**
 * The characters a proper name may hold, a person's (registration) as well as a provider's: letters
 * and combining marks of any script (O'Brien, Zoë, Jean-Luc, 李小龙, St. Mary's), spaces,
 * apostrophes, periods and hyphens, and at least one letter. Markup, digits and symbols are refused,
 * so a name is only ever text wherever it is shown, sent or signed.
 *
 * <p>One rule in one place: identity's {@code RegistrationRules} and provider's {@code ProviderRules}
 * both apply it, as they apply {@link SingleLine}.
 */
public final class ProperName {

    /** What a person reads next to a name field that broke the rule. */
    public static final String MESSAGE = "Use letters, spaces, apostrophes, periods and hyphens only";

    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{M} '’.\\-]+");
    private static final Pattern HAS_LETTER = Pattern.compile(".*\\p{L}.*");

    private ProperName() {
    }

    /** Whether {@code name} (already trimmed) holds only the allowed characters and a letter. */
    public static boolean holds(String name) {
        return name != null && ALLOWED.matcher(name).matches() && HAS_LETTER.matcher(name).matches();
    }
}
