package org.careledger.contracts;

import org.careledger.crypto.Address;
import org.careledger.ledger.Hash;

/**
 * The state keys of the consent, records and audit contracts. Each list the portal shows is one
 * prefix scan; ids are lower-case hex, addresses {@code 0x}-hex, versions and times 20-digit
 * zero-padded decimals so that key order is numeric order.
 *
 * <pre>
 * consent.request/&lt;patient&gt;/&lt;requestId&gt;     a request and its decision
 * consent.grant/&lt;patient&gt;/&lt;grantId&gt;         a grant (its id is its request's id)
 * consent.emergency/&lt;patient&gt;/&lt;emergencyId&gt; a break-glass access
 * consent.owner/&lt;id&gt;                         the patient a request, grant or emergency id belongs to
 * consent.review/&lt;emergencyId&gt;               an emergency awaiting an admin's review
 * records.anchor/&lt;patient&gt;/&lt;entryId&gt;/&lt;version&gt;
 * records.latest/&lt;patient&gt;/&lt;entryId&gt;        the highest anchored version of an entry
 * audit.access/&lt;patient&gt;/&lt;time&gt;/&lt;txId&gt;    an access event
 * </pre>
 */
final class Keys {

    private Keys() {
    }

    static String requests(Address patient) {
        return "consent.request/" + patient.toLowerHex() + "/";
    }

    static String request(Address patient, Hash id) {
        return requests(patient) + id.hex();
    }

    static String grants(Address patient) {
        return "consent.grant/" + patient.toLowerHex() + "/";
    }

    static String grant(Address patient, Hash id) {
        return grants(patient) + id.hex();
    }

    static String emergencies(Address patient) {
        return "consent.emergency/" + patient.toLowerHex() + "/";
    }

    static String emergency(Address patient, Hash id) {
        return emergencies(patient) + id.hex();
    }

    static String owner(Hash id) {
        return "consent.owner/" + id.hex();
    }

    static final String REVIEWS = "consent.review/";

    static String review(Hash emergencyId) {
        return REVIEWS + emergencyId.hex();
    }

    static String anchors(Address patient) {
        return "records.anchor/" + patient.toLowerHex() + "/";
    }

    static String anchor(Address patient, String entryId, long version) {
        return anchors(patient) + entryId + "/" + padded(version);
    }

    static String latestVersion(Address patient, String entryId) {
        return "records.latest/" + patient.toLowerHex() + "/" + entryId;
    }

    static String accessEvents(Address patient) {
        return "audit.access/" + patient.toLowerHex() + "/";
    }

    static String accessEvent(Address patient, long time, Hash txId) {
        return accessEvents(patient) + padded(time) + "/" + txId.hex();
    }

    private static String padded(long value) {
        return String.format("%020d", value);
    }
}
