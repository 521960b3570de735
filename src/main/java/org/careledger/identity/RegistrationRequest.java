package org.careledger.identity;

import java.time.LocalDate;

/**
 * What a person types into the registration form. Fields that the chosen role does not ask for are
 * ignored. {@code registrationNumber} is a doctor's medical registration number or a pharmacist's
 * pharmacy licence number; {@code providerId} the doctor's hospital or the pharmacist's pharmacy.
 */
public record RegistrationRequest(
        Role role,
        String fullName,
        String mobile,
        String email,
        LocalDate dateOfBirth,
        String address,
        String registrationNumber,
        Long providerId,
        String insuranceProvider,
        String policyNumber,
        String password) {

    @Override
    public String toString() {
        return "RegistrationRequest[role=" + role + ", email=" + email + ", password=redacted]";
    }
}
