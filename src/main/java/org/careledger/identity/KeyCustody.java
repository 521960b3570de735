package org.careledger.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.careledger.crypto.Address;
import org.careledger.crypto.KeyWrap;
import org.careledger.crypto.PrivateKey;
import org.careledger.identity.internal.UserKey;
import org.careledger.identity.internal.UserKeyRepository;
import org.careledger.install.MasterKey;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Holds each approved user's secp256k1 private key, wrapped under the install's master key. The
 * wrapping is bound to the user and address, so a wrapped key copied to another row does not
 * unwrap. A private key is only ever handed to a function, never returned, logged or shown.
 */
@Service
public class KeyCustody {

    private final UserKeyRepository keys;
    private final MasterKey masterKey;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    KeyCustody(UserKeyRepository keys, MasterKey masterKey, Clock clock) {
        this.keys = keys;
        this.masterKey = masterKey;
        this.clock = clock;
    }

    /** Generates a fresh key pair for the user and returns its address. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Address issueKey(UserId user) {
        return store(user, PrivateKey.generate(random));
    }

    /** Puts a given key in custody (the demo's users hold the dev genesis accounts). */
    @Transactional(propagation = Propagation.MANDATORY)
    public Address assignKey(UserId user, PrivateKey key) {
        return store(user, key);
    }

    @Transactional(readOnly = true)
    public Optional<Address> addressOf(UserId user) {
        return keys.findById(user.value()).map(k -> Address.parse(k.getAddress()));
    }

    /** The addresses of many users in one query (a list shows each user's address). */
    @Transactional(readOnly = true)
    public Map<UserId, Address> addressesOf(Collection<UserId> users) {
        Map<UserId, Address> out = new HashMap<>();
        keys.findAllById(users.stream().map(UserId::value).toList())
                .forEach(k -> out.put(new UserId(k.getUserId()), Address.parse(k.getAddress())));
        return out;
    }

    @Transactional(readOnly = true)
    public Optional<UserId> ownerOf(Address address) {
        return keys.findByAddressIgnoreCase(address.toString()).map(k -> new UserId(k.getUserId()));
    }

    /** Runs {@code use} with the user's private key, which it must not keep. */
    @Transactional(readOnly = true)
    public <T> T withPrivateKey(UserId user, Function<PrivateKey, T> use) {
        UserKey stored = keys.findById(user.value())
                .orElseThrow(() -> new IllegalStateException(user + " has no key in custody"));
        byte[] raw = KeyWrap.unwrap(masterKey.bytes(), stored.getWrappedPrivateKey(), purpose(user, stored.getAddress()));
        return use.apply(PrivateKey.fromBytes(raw));
    }

    private Address store(UserId user, PrivateKey key) {
        if (keys.existsById(user.value())) {
            throw new IllegalStateException(user + " already has a key in custody");
        }
        String address = key.address().toString();
        byte[] wrapped = KeyWrap.wrap(masterKey.bytes(), key.bytes(), purpose(user, address));
        keys.save(new UserKey(user.value(), address, wrapped, Instant.now(clock)));
        return key.address();
    }

    private static String purpose(UserId user, String address) {
        return "careledger:user-key:v1:" + user.value() + ":" + address;
    }
}
