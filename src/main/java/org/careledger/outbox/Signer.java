package org.careledger.outbox;

import org.careledger.identity.UserId;
import org.careledger.node.InstallKey;

/** Whose key signs a queued call: a user's or a provider's, held in custody, or one of the install's own ledger keys. */
public sealed interface Signer {

    /** A user signs with their own key in custody: a patient's anchor, a doctor's request. */
    record User(UserId id) implements Signer {
        @Override
        public String toString() {
            return id.toString();
        }
    }

    /** The install signs: the home sealer registers users, the treasury funds them. */
    record Install(InstallKey key) implements Signer {
        @Override
        public String toString() {
            return key.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * A provider's own account signs, its key held in custody by the portal: a pharmacy refunds a
     * payment or cancels an invoice it raised.
     */
    record Provider(long providerId) implements Signer {
        @Override
        public String toString() {
            return "provider " + providerId;
        }
    }

    static Signer user(UserId id) {
        return new User(id);
    }

    static Signer install(InstallKey key) {
        return new Install(key);
    }

    static Signer provider(long providerId) {
        return new Provider(providerId);
    }
}
