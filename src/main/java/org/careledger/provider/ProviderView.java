package org.careledger.provider;

/**
 * A healthcare provider as other modules and views see it. {@code timeZone} is where it works (its
 * doctors' hours are in it); null until an admin sets it, when the install's own zone applies.
 */
public record ProviderView(long id, String name, ProviderKind kind, String address, String timeZone) {

    /** The provider's time zone, or {@code fallback} if none is set. */
    public java.time.ZoneId zoneOr(java.time.ZoneId fallback) {
        return timeZone == null ? fallback : java.time.ZoneId.of(timeZone);
    }

    @Override
    public String toString() {
        return name;
    }
}
