package org.careledger.explorer;

import java.util.Collection;
import java.util.Optional;

import org.careledger.common.OperationNotAllowedException;
import org.careledger.contracts.ContractState;
import org.careledger.contracts.Registry;
import org.careledger.crypto.Address;
import org.careledger.identity.CurrentUser;
import org.careledger.identity.Role;
import org.careledger.identity.UserProfile;
import org.careledger.wallet.Counterparts;
import org.springframework.stereotype.Component;

/**
 * The signed-in user as the explorer's rules need them: role and ledger address, resolved once per
 * call. The two rules of who sees what live here, in one place: which transactions a viewer may see
 * ({@link #maySee}) and whose names ({@link Viewers#label}).
 */
record Viewer(UserProfile profile, Address address) {

    boolean isAdmin() {
        return profile.role() == Role.ADMIN;
    }

    boolean isPatient() {
        return profile.role() == Role.PATIENT;
    }

    /** Staff see every transaction; a patient only those that concern their own account. */
    boolean maySee(Collection<Address> concerned) {
        return !isPatient() || concerned.contains(address);
    }

    @Component
    static class Viewers {

        private final CurrentUser currentUser;
        private final Counterparts names;

        Viewers(CurrentUser currentUser, Counterparts names) {
            this.currentUser = currentUser;
            this.names = names;
        }

        /**
         * The signed-in user, who must hold a ledger address (every approved account does).
         *
         * @throws org.springframework.security.access.AccessDeniedException if nobody is signed in
         * @throws OperationNotAllowedException if the account has no ledger address yet
         */
        Viewer require() {
            UserProfile me = currentUser.require();
            if (me.ledgerAddress() == null) {
                throw new OperationNotAllowedException("Your account has no ledger address yet");
            }
            return new Viewer(me, me.ledgerAddress());
        }

        /**
         * {@code address} with the name the viewer may read: the portal's name for it, except that a
         * patient's account (a portal patient's, or one the chain's registry holds as PATIENT) is named
         * only to admins and to that patient, so the explorer cannot tell staff who consulted whom.
         */
        AddressLabel label(Viewer viewer, Address address, ContractState state) {
            Optional<Counterparts.Known> known = names.known(address);
            if (known.isEmpty()) {
                return new AddressLabel(address, null);
            }
            boolean patient = known.get().userRole() == Role.PATIENT
                    || Registry.roleOf(state.view(), address).filter("PATIENT"::equals).isPresent();
            boolean mayName = !patient || viewer.isAdmin() || viewer.address().equals(address);
            return new AddressLabel(address, mayName ? known.get().name() : null);
        }
    }
}
