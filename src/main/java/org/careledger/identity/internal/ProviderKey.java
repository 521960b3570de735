package org.careledger.identity.internal;

import java.time.Instant;
import java.util.Base64;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A provider's private key in custody, wrapped under the master key with the provider and address as context. */
@Entity
@Table(name = "provider_keys")
public class ProviderKey {

    @Id
    @Column(name = "provider_id")
    private Long providerId;

    @Column(nullable = false)
    private String address;

    /** Base64 of the wrapped key, so the column is portable text. */
    @Column(name = "wrapped_private_key", nullable = false)
    private String wrappedPrivateKey;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ProviderKey() {
    }

    public ProviderKey(Long providerId, String address, byte[] wrappedPrivateKey, Instant createdAt) {
        this.providerId = providerId;
        this.address = address;
        this.wrappedPrivateKey = Base64.getEncoder().encodeToString(wrappedPrivateKey);
        this.createdAt = createdAt;
    }

    public Long getProviderId() {
        return providerId;
    }

    public String getAddress() {
        return address;
    }

    public byte[] getWrappedPrivateKey() {
        return Base64.getDecoder().decode(wrappedPrivateKey);
    }
}
