package org.careledger.contracts;

import java.util.Objects;
import java.util.Optional;

import org.careledger.crypto.Address;
import org.careledger.ledger.CanonicalReader;
import org.careledger.ledger.CanonicalWriter;
import org.careledger.ledger.Hash;

/**
 * What another contract may do with tokens inside a transaction, through
 * {@code context.api(TokenApi.class)}. Tokens only ever leave the transaction's sender, so a
 * contract can never move anyone else's. A contract may hold some of the sender's tokens in an
 * escrow of its own (an invoice paid in advance, an appointment's deposit) and later release them,
 * in parts, to a payee or back to the payer; holds are kept per calling contract, so only the
 * contract that made a hold sees or releases it. Amounts are positive base units; a refusal names a
 * {@code tokens.} rule, is checked before anything is written and refuses the whole transaction.
 * Transactions cannot call these methods: the tokens contract's only transaction method is
 * {@code transfer}.
 */
public interface TokenApi {

    /** An account's balance, this transaction's writes included. */
    long balanceOf(Address account);

    /**
     * Moves {@code amount} from the transaction's sender to {@code to}. Refuses a non-positive
     * amount ({@code tokens.amount}), an overdraft ({@code tokens.balance}) and a receiving balance
     * that would overflow ({@code tokens.overflow}).
     */
    void transfer(Address to, long amount);

    /**
     * Moves {@code amount} from the sender into an escrow of the calling contract under
     * {@code holdId}. Refuses a non-positive amount ({@code tokens.amount}), a hold id the caller
     * already holds tokens under ({@code tokens.holdExists}) and an overdraft ({@code tokens.balance}).
     * An id whose hold was fully released may be used again.
     */
    void hold(Hash holdId, long amount);

    /**
     * Pays {@code amount} of the calling contract's hold {@code holdId} to {@code to}: the payee, or
     * the payer for a refund. The rest stays held; a hold released in full is gone. Refuses a
     * non-positive amount ({@code tokens.amount}), a hold the caller does not have
     * ({@code tokens.unknownHold}), more than is held ({@code tokens.overRelease}) and a receiving
     * balance that would overflow ({@code tokens.overflow}).
     */
    void release(Hash holdId, Address to, long amount);

    /** The calling contract's hold {@code holdId}, if it holds anything under it. */
    Optional<Hold> held(Hash holdId);

    /** Tokens in escrow: who paid them in, and how many are still held (always positive). */
    record Hold(Address payer, long amount) {

        public Hold {
            Objects.requireNonNull(payer, "payer");
            if (amount <= 0) {
                throw new IllegalArgumentException("A hold holds a positive amount, not " + amount);
            }
        }

        /** The payer's address, then the amount as a big-endian 64-bit integer. */
        byte[] encode() {
            return new CanonicalWriter(Address.LENGTH + 8).fixed(payer.bytes()).i64BigEndian(amount).toByteArray();
        }

        static Hold decode(byte[] bytes) {
            CanonicalReader in = new CanonicalReader(bytes);
            Hold hold = new Hold(Codec.address(in), in.i64BigEndian());
            in.end();
            return hold;
        }
    }
}
