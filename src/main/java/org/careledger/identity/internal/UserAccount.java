package org.careledger.identity.internal;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.careledger.identity.AccountStatus;
import org.careledger.identity.Role;
import org.careledger.identity.UserId;
import org.careledger.identity.UserProfile;

/** An account row. State changes go through the named methods so each rule has one home. */
@Entity
@Table(name = "users")
public class UserAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String username;

    private String email;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AccountStatus status;

    @Column(name = "status_reason")
    private String statusReason;

    @Column(name = "must_change_password", nullable = false)
    private boolean mustChangePassword;

    @Column(name = "full_name", nullable = false)
    private String fullName;

    private String mobile;

    @Column(name = "date_of_birth")
    private LocalDate dateOfBirth;

    private String address;

    @Column(name = "provider_id")
    private Long providerId;

    @Column(name = "registration_number")
    private String registrationNumber;

    @Column(name = "specialty")
    private String specialty;

    @Column(name = "insurance_provider")
    private String insuranceProvider;

    @Column(name = "policy_number")
    private String policyNumber;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decided_by")
    private String decidedBy;

    @Version
    private long version;

    protected UserAccount() {
    }

    public UserAccount(String username, String email, String passwordHash, Role role, String fullName, Instant createdAt) {
        this.username = username;
        this.email = email;
        this.passwordHash = passwordHash;
        this.role = role;
        this.fullName = fullName;
        this.createdAt = createdAt;
        this.status = AccountStatus.PENDING;
    }

    public void contact(String mobile, LocalDate dateOfBirth, String address) {
        this.mobile = mobile;
        this.dateOfBirth = dateOfBirth;
        this.address = address;
    }

    public void specialty(String specialty) {
        this.specialty = specialty;
    }

    public void staffDetails(Long providerId, String registrationNumber) {
        this.providerId = providerId;
        this.registrationNumber = registrationNumber;
    }

    public void insurance(String insuranceProvider, String policyNumber) {
        this.insuranceProvider = insuranceProvider;
        this.policyNumber = policyNumber;
    }

    public void decide(AccountStatus newStatus, String reason, String decidedBy, Instant at) {
        this.status = newStatus;
        this.statusReason = reason;
        this.decidedBy = decidedBy;
        this.decidedAt = at;
    }

    public void changeRole(Role newRole) {
        this.role = newRole;
    }

    public void changePassword(String newHash, boolean mustChangeAtNextLogin) {
        this.passwordHash = newHash;
        this.mustChangePassword = mustChangeAtNextLogin;
    }

    public UserId userId() {
        return new UserId(id);
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public Role getRole() {
        return role;
    }

    public AccountStatus getStatus() {
        return status;
    }

    public String getStatusReason() {
        return statusReason;
    }

    public String getFullName() {
        return fullName;
    }

    public LocalDate getDateOfBirth() {
        return dateOfBirth;
    }

    public String getInsuranceProvider() {
        return insuranceProvider;
    }

    public String getPolicyNumber() {
        return policyNumber;
    }

    public boolean isMustChangePassword() {
        return mustChangePassword;
    }

    public UserProfile profile(org.careledger.crypto.Address ledgerAddress) {
        return new UserProfile(userId(), username, fullName, email, mobile, dateOfBirth, address, role, status,
                statusReason, providerId, registrationNumber, insuranceProvider, policyNumber, ledgerAddress,
                createdAt, mustChangePassword, specialty);
    }

    @Override
    public String toString() {
        return "UserAccount[id=" + id + ", username=" + username + ", role=" + role + ", status=" + status + "]";
    }
}
