package org.careledger.explorer;

import java.time.Instant;
import java.util.List;

import org.careledger.ledger.Hash;

/**
 * A transaction's page: sender, nonce, fee, the decoded call, where it stands (pending, in block N,
 * refused with the rule) and its effects. Arguments that are hashes are shown as hashes; addresses
 * carry the names the viewer may read.
 *
 * @param height     the block it is in now, or null
 * @param nonce      null for a refusal the portal knows only from its announcement
 * @param refusalRule and refusalMessage: why a block refused it, or null
 */
public record TxDetails(Hash id, TxStatus status, Long height, Integer index, Hash blockHash, Instant blockTime, AddressLabel sender,
                        Long nonce, long fee, String contract, String method, List<Argument> arguments, List<Effect> effects,
                        String refusalRule, String refusalMessage) {

    /** One decoded argument: its type ("address", "digest", "u64", "text", "flag", "bytes", "list") and value, with a name for an address. */
    public record Argument(String type, String value, AddressLabel address) {
    }

    /**
     * One effect as shown: tokens moved ({@code from}, {@code to}, {@code amount}) or a consent change
     * ({@code change}, {@code subject}, {@code patient}, {@code doctor}, {@code detail}).
     */
    public record Effect(String change, AddressLabel from, AddressLabel to, Long amount, Hash subject, AddressLabel patient,
                         AddressLabel doctor, String detail) {

        public boolean isTokens() {
            return amount != null;
        }
    }

    /** "pending", "in block 12", "refused (consent.notPending)". */
    public String where() {
        return switch (status) {
            case PENDING -> "pending";
            case COMMITTED -> "in block " + height;
            case REFUSED -> "refused (" + refusalRule + ")";
        };
    }
}
