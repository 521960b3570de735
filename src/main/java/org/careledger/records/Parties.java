package org.careledger.records;

import java.util.Optional;

import org.careledger.crypto.Address;
import org.careledger.identity.AccountStatus;
import org.careledger.identity.KeyCustody;
import org.careledger.identity.Role;
import org.careledger.identity.UserDirectory;
import org.careledger.identity.UserId;
import org.careledger.identity.UserProfile;
import org.careledger.provider.ProviderView;
import org.careledger.provider.Providers;
import org.springframework.stereotype.Component;

/** Puts names to ledger addresses, and finds the account behind an address. */
@Component
class Parties {

    private final KeyCustody custody;
    private final UserDirectory directory;
    private final Providers providers;

    Parties(KeyCustody custody, UserDirectory directory, Providers providers) {
        this.custody = custody;
        this.directory = directory;
        this.providers = providers;
    }

    Optional<UserProfile> account(Address address) {
        return custody.ownerOf(address).flatMap(directory::find);
    }

    /** The account id behind an address, or null when the portal has none (another install's user). */
    UserId idOf(Address address) {
        return custody.ownerOf(address).orElse(null);
    }

    /** The active patient behind the address, if there is one. */
    Optional<UserProfile> activePatient(Address address) {
        return account(address).filter(p -> p.role() == Role.PATIENT && p.status() == AccountStatus.ACTIVE);
    }

    Party of(Address address) {
        return account(address).map(this::of).orElse(new Party(address, null, null, null, null));
    }

    Party of(UserProfile p) {
        String provider = p.providerId() == null ? null : providers.find(p.providerId()).map(ProviderView::name).orElse(null);
        return new Party(p.ledgerAddress(), p.fullName(), p.role().label(), provider, p.registrationNumber());
    }

    Party of(UserId id) {
        return directory.find(id).map(this::of).orElse(new Party(null, "user " + id.value(), null, null, null));
    }
}
