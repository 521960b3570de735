package org.careledger.explorer;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.careledger.provider.ProviderView;
import org.careledger.provider.Providers;
import org.springframework.stereotype.Component;

/**
 * Puts a provider's name to a consortium node. The portal records no link between a node and a
 * provider (a node is named in the genesis, a provider in the portal's table), so the node's name is
 * matched against the providers' names by their letters: node {@code st-marys} is "St. Mary's General
 * Hospital", {@code riverside} "Riverside Children's Hospital". A node no provider's name begins with
 * ({@code node-1} of an install's own chain) has no hospital shown.
 */
@Component
class ConsortiumHospitals {

    private final Providers providers;

    ConsortiumHospitals(Providers providers) {
        this.providers = providers;
    }

    Optional<String> of(String node) {
        return of(node, providers.all());
    }

    static Optional<String> of(String node, List<ProviderView> providers) {
        String key = letters(node);
        if (key.length() < 3) {
            return Optional.empty();
        }
        return providers.stream().filter(p -> letters(p.name()).startsWith(key)).map(ProviderView::name).findFirst();
    }

    private static String letters(String text) {
        StringBuilder out = new StringBuilder();
        text.toLowerCase(Locale.ROOT).codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
        return out.toString();
    }
}
