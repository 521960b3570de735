package org.careledger.identity;

import java.time.Instant;
import java.time.LocalDate;

import org.careledger.crypto.Address;

/**
 * A user as the portal shows them. Role-specific fields are null for other roles: {@code providerId}
 * is a doctor's hospital or a pharmacist's pharmacy, {@code registrationNumber} a doctor's medical
 * registration or a pharmacist's licence number; {@code ledgerAddress} is the user's ledger address
 * once the account has been approved (null before); {@code specialty} a doctor's (null until set).
 */
public record UserProfile(
        UserId id,
        String username,
        String fullName,
        String email,
        String mobile,
        LocalDate dateOfBirth,
        String address,
        Role role,
        AccountStatus status,
        String statusReason,
        Long providerId,
        String registrationNumber,
        String insuranceProvider,
        String policyNumber,
        Address ledgerAddress,
        Instant createdAt,
        boolean mustChangePassword,
        String specialty) {
}
