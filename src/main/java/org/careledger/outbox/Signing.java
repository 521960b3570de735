package org.careledger.outbox;

import java.util.function.Function;

import org.careledger.crypto.Address;
import org.careledger.crypto.PrivateKey;
import org.careledger.identity.KeyCustody;
import org.careledger.identity.UserId;
import org.careledger.node.InstallKey;
import org.careledger.node.LedgerService;
import org.careledger.outbox.internal.OutboxRow;
import org.springframework.stereotype.Component;

/** Finds the key a signer signs with: a user's in custody, or one of the install's own ledger keys. */
@Component
class Signing {

    private final KeyCustody custody;
    private final LedgerService ledger;

    Signing(KeyCustody custody, LedgerService ledger) {
        this.custody = custody;
        this.ledger = ledger;
    }

    /** Runs {@code use} with the signer's private key, which it must not keep. */
    <T> T withKey(Signer signer, Function<PrivateKey, T> use) {
        if (signer instanceof Signer.User user) {
            return custody.withPrivateKey(user.id(), use);
        }
        return ledger.withInstallKey(((Signer.Install) signer).key(), use);
    }

    Address addressOf(Signer signer) {
        if (signer instanceof Signer.User user) {
            return custody.addressOf(user.id()).orElseThrow(() -> new IllegalStateException(user.id() + " has no key in custody"));
        }
        return ledger.addressOf(((Signer.Install) signer).key());
    }

    static Signer signerOf(OutboxRow row) {
        return row.getSignerUserId() != null ? Signer.user(new UserId(row.getSignerUserId()))
                : Signer.install(InstallKey.valueOf(row.getSignerKey()));
    }

    static Long userColumn(Signer signer) {
        return signer instanceof Signer.User user ? user.id().value() : null;
    }

    static String keyColumn(Signer signer) {
        return signer instanceof Signer.Install install ? install.key().name() : null;
    }
}
