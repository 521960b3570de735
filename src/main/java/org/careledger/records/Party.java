package org.careledger.records;

/**
 * Someone on the ledger as the portal knows them: a user's name, role, provider and registration
 * number, or only the address if the portal has no account for it.
 */
public record Party(String address, String name, String role, String provider, String registrationNumber) {

    /** "Dr Jane Doe (St Mary's Hospital)" or the address. */
    public String describe() {
        if (name == null) {
            return address;
        }
        return provider == null ? name : name + " (" + provider + ")";
    }
}
