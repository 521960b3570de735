package org.careledger.wallet;

import java.util.Map;
import java.util.Optional;

import org.careledger.crypto.Address;
import org.careledger.identity.ProviderKeyCustody;
import org.careledger.provider.ProviderView;
import org.careledger.provider.Providers;
import org.springframework.stereotype.Component;

/**
 * Names a provider's own account by its provider ("Cambridge Pharmacy"): the payee of a pharmacy's
 * invoices, the counterpart of its refunds and of its float in a history.
 */
@Component
class ProviderNames implements AddressNames {

    private final ProviderKeyCustody custody;
    private final Providers providers;

    ProviderNames(ProviderKeyCustody custody, Providers providers) {
        this.custody = custody;
        this.providers = providers;
    }

    @Override
    public Optional<String> nameOf(Address address) {
        return custody.addresses().entrySet().stream().filter(e -> e.getValue().equals(address)).map(Map.Entry::getKey).findFirst()
                .flatMap(providers::find).map(ProviderView::name);
    }
}
