package org.careledger.appointments;

import java.time.ZoneId;
import java.util.List;

/**
 * A doctor's booking settings as their availability page shows them: the time zone their hours are
 * in, the weekly hours and the coming one-off changes, their own fee (base units, null when they
 * charge the provider's default) and the provider's default (null if none), with any change of fee
 * still on its way.
 */
public record DoctorSettings(ZoneId zone, String providerName, List<WeeklyHours> weekly, List<AvailabilityChange> changes, Long ownFee,
                             Long defaultFee, boolean feeChangeOnItsWay) {
}
