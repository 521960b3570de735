package org.careledger.records;

import org.careledger.crypto.Address;

/**
 * Someone on the ledger as the portal knows them: a user's name, role, provider and registration
 * number, or only the address if the portal has no account for it.
 */
public record Party(Address address, String name, String role, String provider, String registrationNumber) {

    /** "Dr Jane Doe (St Mary's Hospital)", or the address. */
    public String describe() {
        if (name == null) {
            return address == null ? "someone unknown" : address.toString();
        }
        return provider == null ? name : name + " (" + provider + ")";
    }

    /** The name, or the address when the portal knows no name. */
    public String nameOrAddress() {
        return name != null ? name : address == null ? "someone unknown" : address.toString();
    }
}
