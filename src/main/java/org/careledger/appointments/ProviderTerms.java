package org.careledger.appointments;

/**
 * A hospital's booking terms as admins set them: its doctors' default fee (base units, null if none),
 * the patients' free cancellation cut-off, its time zone (null when the install's applies), and
 * whether a change is on its way to the ledger.
 */
public record ProviderTerms(long providerId, String providerName, Long defaultFee, long cutoffMillis, String timeZone,
                            boolean changeOnItsWay) {
}
