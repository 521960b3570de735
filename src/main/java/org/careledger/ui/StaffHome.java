package org.careledger.ui;

import org.careledger.identity.UserProfile;
import org.careledger.provider.ProviderView;
import org.careledger.provider.Providers;

/** Small helpers the staff home pages share. */
final class StaffHome {

    private StaffHome() {
    }

    static String providerName(Providers providers, UserProfile user) {
        if (user.providerId() == null) {
            return "none";
        }
        return providers.find(user.providerId()).map(p -> p.name() + ", " + p.address()).orElse("unknown provider");
    }
}
