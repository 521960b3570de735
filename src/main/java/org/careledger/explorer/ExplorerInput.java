package org.careledger.explorer;

import java.util.Locale;
import java.util.regex.Pattern;

import org.careledger.common.InvalidInputException;
import org.careledger.crypto.Address;
import org.careledger.crypto.InvalidAddressException;
import org.careledger.ledger.Hash;

/** The explorer's readings of what a person typed or a link carries: a hash, a height, an address; one message per mistake. */
final class ExplorerInput {

    private static final Pattern HASH = Pattern.compile("(0x)?[0-9a-fA-F]{64}");
    private static final Pattern HEIGHT = Pattern.compile("[0-9]{1,18}");

    private ExplorerInput() {
    }

    static boolean isHash(String text) {
        return text != null && HASH.matcher(text).matches();
    }

    static boolean isHeight(String text) {
        return text != null && HEIGHT.matcher(text).matches();
    }

    /** A transaction id or block hash: 64 hexadecimal characters, with or without 0x. */
    static Hash hash(String field, String text) {
        String t = text == null ? "" : text.strip();
        if (!isHash(t)) {
            throw InvalidInputException.of(field, "A " + field + " is 64 hexadecimal characters (0-9, a-f), optionally after 0x");
        }
        return Hash.fromHex(t.toLowerCase(Locale.ROOT));
    }

    /** An address, EIP-55 or all in one case. */
    static Address address(String text) {
        try {
            return Address.parse(text == null ? "" : text.strip());
        } catch (InvalidAddressException e) {
            throw InvalidInputException.of("address", e.getMessage());
        }
    }
}
