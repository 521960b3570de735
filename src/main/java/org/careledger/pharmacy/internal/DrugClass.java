package org.careledger.pharmacy.internal;

import java.util.List;

/**
 * A class of drugs that an allergy may extend to ("penicillins"), how a warning names one of its
 * members ("a penicillin"), and the terms that, found in a recorded allergy's free text, name the
 * whole class ("penicillin", "penicillins").
 */
public record DrugClass(String name, String member, List<String> terms) {

    /** @throws IllegalArgumentException if a field is blank */
    public DrugClass {
        if (name == null || name.isBlank() || member == null || member.isBlank()) {
            throw new IllegalArgumentException("a drug class needs a name and a member phrase");
        }
        terms = List.copyOf(terms);
        if (terms.isEmpty() || terms.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("drug class " + name + " needs terms, none blank");
        }
    }

    /** Whether {@code text} names this class, by its name or one of its terms, as whole words. */
    public boolean isNamedIn(String text) {
        return Words.mention(text, name) || terms.stream().anyMatch(term -> Words.mention(text, term));
    }

    @Override
    public String toString() {
        return name;
    }
}
