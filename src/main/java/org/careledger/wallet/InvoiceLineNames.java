package org.careledger.wallet;

import java.util.Optional;

import org.careledger.ledger.Hash;

/**
 * Puts a name to an invoice's line for the person who pays it: the chain holds only a code (a
 * medicine's RxNorm code), the module that raised the invoice knows what it means. A module declares
 * a bean; the wallet asks every bean in turn and shows the code itself when none knows it.
 */
public interface InvoiceLineNames {

    /**
     * The name of the line coded {@code code} on an invoice raised about {@code reference} (a
     * dispensing's invoice refers to its prescription): "Amoxicillin 250 MG Oral Capsule", or empty
     * if this module does not know it.
     */
    Optional<String> nameOf(String code, Hash reference);
}
