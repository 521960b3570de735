package org.careledger.appointments;

import java.time.ZoneId;

import org.careledger.identity.UserId;

/**
 * A doctor a patient may book: name, specialty, provider and its time zone, the fee charged now
 * (base units; null if the doctor set none and their provider has no default, so they cannot be
 * booked) and the provider's free cancellation cut-off.
 */
public record DoctorCard(UserId id, String name, String specialty, Long providerId, String providerName, ZoneId zone, Long fee,
                         long cutoffMillis) {

    public boolean bookable() {
        return fee != null;
    }
}
