package org.careledger.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.careledger.crypto.Address;
import org.careledger.crypto.KeyWrap;
import org.careledger.crypto.PrivateKey;
import org.careledger.identity.internal.ProviderKey;
import org.careledger.identity.internal.ProviderKeyRepository;
import org.careledger.install.MasterKey;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Holds each provider's (a hospital's, a pharmacy's) ledger key as {@link KeyCustody} holds a user's:
 * generated here, wrapped under the install's master key with the provider and address as associated
 * data (so a wrapped key copied to another row does not unwrap), never stored in plain, and only ever
 * handed to a function. One key per provider, for ever: the account receives what its invoices are paid.
 */
@Service
public class ProviderKeyCustody {

    private final ProviderKeyRepository keys;
    private final MasterKey masterKey;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ProviderKeyCustody(ProviderKeyRepository keys, MasterKey masterKey, Clock clock) {
        this.keys = keys;
        this.masterKey = masterKey;
        this.clock = clock;
    }

    /**
     * Generates the provider's key pair in the caller's transaction and returns its address.
     *
     * @throws IllegalStateException if the provider has one already
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Address issueKey(long providerId) {
        if (keys.existsById(providerId)) {
            throw new IllegalStateException("Provider " + providerId + " already has a key in custody");
        }
        PrivateKey key = PrivateKey.generate(random);
        String address = key.address().toString();
        keys.save(new ProviderKey(providerId, address, KeyWrap.wrap(masterKey.bytes(), key.bytes(), purpose(providerId, address)),
                Instant.now(clock)));
        return key.address();
    }

    @Transactional(readOnly = true)
    public Optional<Address> addressOf(long providerId) {
        return keys.findById(providerId).map(k -> Address.parse(k.getAddress()));
    }

    /** Every provider's address that has a key, by provider id, in one query. */
    @Transactional(readOnly = true)
    public Map<Long, Address> addresses() {
        Map<Long, Address> out = new HashMap<>();
        keys.findAll().forEach(k -> out.put(k.getProviderId(), Address.parse(k.getAddress())));
        return out;
    }

    /** Runs {@code use} with the provider's private key, which it must not keep. */
    @Transactional(readOnly = true)
    public <T> T withPrivateKey(long providerId, Function<PrivateKey, T> use) {
        ProviderKey stored = keys.findById(providerId)
                .orElseThrow(() -> new IllegalStateException("Provider " + providerId + " has no key in custody"));
        byte[] raw = KeyWrap.unwrap(masterKey.bytes(), stored.getWrappedPrivateKey(), purpose(providerId, stored.getAddress()));
        return use.apply(PrivateKey.fromBytes(raw));
    }

    private static String purpose(long providerId, String address) {
        return "careledger:provider-key:v1:" + providerId + ":" + address;
    }
}
