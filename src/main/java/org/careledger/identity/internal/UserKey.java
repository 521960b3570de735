package org.careledger.identity.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A user's private key in custody, wrapped under the master key with the address as context. */
@Entity
@Table(name = "user_keys")
public class UserKey {

    @Id
    @Column(name = "user_id")
    private Long userId;

    @Column(nullable = false)
    private String address;

    @Column(name = "wrapped_private_key", nullable = false)
    private byte[] wrappedPrivateKey;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected UserKey() {
    }

    public UserKey(Long userId, String address, byte[] wrappedPrivateKey, Instant createdAt) {
        this.userId = userId;
        this.address = address;
        this.wrappedPrivateKey = wrappedPrivateKey.clone();
        this.createdAt = createdAt;
    }

    public Long getUserId() {
        return userId;
    }

    public String getAddress() {
        return address;
    }

    public byte[] getWrappedPrivateKey() {
        return wrappedPrivateKey.clone();
    }

    @Override
    public String toString() {
        return "UserKey[user=" + userId + ", address=" + address + "]";
    }
}
