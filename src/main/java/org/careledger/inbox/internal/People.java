package org.careledger.inbox.internal;

import java.util.Optional;

import org.careledger.crypto.Address;
import org.careledger.identity.UserDirectory;
import org.careledger.identity.UserId;
import org.careledger.identity.UserProfile;
import org.careledger.provider.ProviderView;
import org.careledger.provider.Providers;
import org.springframework.stereotype.Component;

/** How the inbox names the people its notifications speak of: never more than a name, a hospital and an address. */
@Component
class People {

    private final UserDirectory directory;
    private final Providers providers;

    People(UserDirectory directory, Providers providers) {
        this.directory = directory;
        this.providers = providers;
    }

    /** "Jane Doe", or "Someone" for a user this portal does not know (a doctor of another install). */
    String name(UserId user) {
        return profile(user).map(UserProfile::fullName).orElse("Someone");
    }

    /** "Dr Jane Doe (St Mary's Hospital)". */
    String describe(UserId user) {
        return profile(user).map(p -> p.providerId() == null ? p.fullName()
                : p.fullName() + providers.find(p.providerId()).map(ProviderView::name).map(n -> " (" + n + ")").orElse("")).orElse("Someone");
    }

    /** The name of the account that signed in as {@code username} (events from identity name their actor so). */
    String nameOfUsername(String username) {
        return username == null ? "an administrator"
                : directory.findByUsername(username).map(UserProfile::fullName).orElse("an administrator");
    }

    Optional<UserId> idOfUsername(String username) {
        return username == null ? Optional.empty() : directory.findByUsername(username).map(UserProfile::id);
    }

    Optional<Address> address(UserId user) {
        return profile(user).map(UserProfile::ledgerAddress);
    }

    Optional<UserProfile> profile(UserId user) {
        return user == null ? Optional.empty() : directory.find(user);
    }
}
