package org.careledger.provider.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.careledger.provider.ProviderKind;
import org.careledger.provider.ProviderView;

@Entity
@Table(name = "providers")
public class ProviderEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ProviderKind kind;

    @Column(nullable = false)
    private String address;

    @Column(name = "time_zone")
    private String timeZone;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected ProviderEntity() {
    }

    public ProviderEntity(String name, ProviderKind kind, String address, Instant createdAt) {
        this.name = name;
        this.kind = kind;
        this.address = address;
        this.createdAt = createdAt;
    }

    public void update(String name, ProviderKind kind, String address) {
        this.name = name;
        this.kind = kind;
        this.address = address;
    }

    public void timeZone(String zone) {
        this.timeZone = zone;
    }

    public Long getId() {
        return id;
    }

    public ProviderView view() {
        return new ProviderView(id, name, kind, address, timeZone);
    }
}
