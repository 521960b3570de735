package org.careledger.identity.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.careledger.identity.Role;

/** A registration made with an email address that already has an account (table {@code registration_attempts}). */
@Entity
@Table(name = "registration_attempts")
public class RegistrationAttempt {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "existing_user_id", nullable = false)
    private Long existingUserId;

    @Enumerated(EnumType.STRING)
    @Column(name = "attempted_role", nullable = false)
    private Role attemptedRole;

    @Column(name = "attempted_name", nullable = false)
    private String attemptedName;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "dismissed_at")
    private Instant dismissedAt;

    @Column(name = "dismissed_by")
    private String dismissedBy;

    protected RegistrationAttempt() {
    }

    public RegistrationAttempt(long existingUserId, Role attemptedRole, String attemptedName, Instant at) {
        this.existingUserId = existingUserId;
        this.attemptedRole = attemptedRole;
        this.attemptedName = attemptedName;
        this.createdAt = at;
    }

    public void dismiss(String admin, Instant at) {
        dismissedBy = admin;
        dismissedAt = at;
    }

    public Long getId() {
        return id;
    }

    public long getExistingUserId() {
        return existingUserId;
    }

    public Role getAttemptedRole() {
        return attemptedRole;
    }

    public String getAttemptedName() {
        return attemptedName;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getDismissedAt() {
        return dismissedAt;
    }
}
