package org.careledger.explorer;

import org.careledger.crypto.Address;

/**
 * An address as the signed-in user may see it: with the name the portal knows for it, or none (an
 * unknown account, or a patient's shown to staff other than admins).
 */
public record AddressLabel(Address address, String name) {

    /** "Dr. Jane Doe (0xAbC…)" or the address alone. */
    public String display() {
        return name == null ? address.toString() : name + " (" + address + ")";
    }

    /** The name, else the address shortened: 0x1234…abcd. */
    public String shortDisplay() {
        String hex = address.toString();
        return name != null ? name : hex.substring(0, 6) + "…" + hex.substring(hex.length() - 4);
    }
}
