package org.careledger.outbox;

import java.util.function.Function;

import org.careledger.crypto.Address;
import org.careledger.crypto.PrivateKey;
import org.careledger.identity.KeyCustody;
import org.careledger.identity.ProviderKeyCustody;
import org.careledger.identity.UserId;
import org.careledger.node.InstallKey;
import org.careledger.node.LedgerService;
import org.careledger.outbox.internal.OutboxRow;
import org.springframework.stereotype.Component;

/**
 * Finds the key a signer signs with: a user's or a provider's in custody, or one of the install's own
 * ledger keys. A provider signer is stored in the {@code signer_key} column as {@code PROVIDER:<id>}.
 */
@Component
class Signing {

    private static final String PROVIDER_PREFIX = "PROVIDER:";

    private final KeyCustody custody;
    private final ProviderKeyCustody providers;
    private final LedgerService ledger;

    Signing(KeyCustody custody, ProviderKeyCustody providers, LedgerService ledger) {
        this.custody = custody;
        this.providers = providers;
        this.ledger = ledger;
    }

    /** Runs {@code use} with the signer's private key, which it must not keep. */
    <T> T withKey(Signer signer, Function<PrivateKey, T> use) {
        if (signer instanceof Signer.User user) {
            return custody.withPrivateKey(user.id(), use);
        }
        if (signer instanceof Signer.Provider provider) {
            return providers.withPrivateKey(provider.providerId(), use);
        }
        return ledger.withInstallKey(((Signer.Install) signer).key(), use);
    }

    Address addressOf(Signer signer) {
        if (signer instanceof Signer.User user) {
            return custody.addressOf(user.id()).orElseThrow(() -> new IllegalStateException(user.id() + " has no key in custody"));
        }
        if (signer instanceof Signer.Provider provider) {
            return providers.addressOf(provider.providerId())
                    .orElseThrow(() -> new IllegalStateException(provider + " has no key in custody"));
        }
        return ledger.addressOf(((Signer.Install) signer).key());
    }

    static Signer signerOf(OutboxRow row) {
        if (row.getSignerUserId() != null) {
            return Signer.user(new UserId(row.getSignerUserId()));
        }
        String key = row.getSignerKey();
        return key.startsWith(PROVIDER_PREFIX) ? Signer.provider(Long.parseLong(key.substring(PROVIDER_PREFIX.length())))
                : Signer.install(InstallKey.valueOf(key));
    }

    static Long userColumn(Signer signer) {
        return signer instanceof Signer.User user ? user.id().value() : null;
    }

    static String keyColumn(Signer signer) {
        if (signer instanceof Signer.Provider provider) {
            return PROVIDER_PREFIX + provider.providerId();
        }
        return signer instanceof Signer.Install install ? install.key().name() : null;
    }
}
