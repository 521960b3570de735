package org.careledger.records;

import org.careledger.common.OperationNotAllowedException;
import org.careledger.crypto.Address;
import org.careledger.identity.CurrentUser;
import org.careledger.identity.UserId;
import org.careledger.identity.UserProfile;
import org.careledger.outbox.Signer;
import org.springframework.stereotype.Component;

/**
 * The signed-in user as the records services need them: their profile and their ledger address,
 * resolved once per call. Every service method of this module starts with {@link Callers#require()}.
 */
record Caller(UserProfile profile, Address address) {

    UserId id() {
        return profile.id();
    }

    String name() {
        return profile.fullName();
    }

    Signer signer() {
        return Signer.user(profile.id());
    }

    @Component
    static class Callers {

        private final CurrentUser currentUser;

        Callers(CurrentUser currentUser) {
            this.currentUser = currentUser;
        }

        /**
         * The signed-in user, who must hold a ledger address (every approved account does).
         *
         * @throws org.springframework.security.access.AccessDeniedException if nobody is signed in
         * @throws OperationNotAllowedException if the account has no ledger address
         */
        Caller require() {
            UserProfile me = currentUser.require();
            if (me.ledgerAddress() == null) {
                throw new OperationNotAllowedException("Your account has no ledger address yet");
            }
            return new Caller(me, me.ledgerAddress());
        }
    }
}
