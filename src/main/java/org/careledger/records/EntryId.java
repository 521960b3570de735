package org.careledger.records;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A record entry's id: what the patient anchors on chain and the database keys it by. New entries
 * get a random UUID; the anchors contract accepts 1 to 64 letters, digits, '.', '_', ':' and '-'.
 */
public record EntryId(String value) {

    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    public EntryId {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("An entry id is 1 to 64 letters, digits, '.', '_', ':' or '-', not " + value);
        }
    }

    static EntryId random() {
        return new EntryId(UUID.randomUUID().toString());
    }

    /** The id in a link or a form, or empty if it is not one. */
    public static java.util.Optional<EntryId> parse(String text) {
        try {
            return java.util.Optional.of(new EntryId(text == null ? "" : text.strip()));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
