package org.careledger.pharmacy;

/**
 * What a doctor fills in to prescribe, as typed; {@link Prescribing} checks every field and reports
 * every problem at once, keyed by these names.
 *
 * @param medicine           the medicine's RxNorm code, from the catalogue
 * @param dose               how much at a time: "1 tablet", "5 mL"
 * @param route              one of {@link #ROUTES}
 * @param frequency          how often: "twice a day", "every 8 hours"
 * @param durationDays       for how many days, 1 to 366
 * @param quantity           units one fill dispenses, 1 to 10,000
 * @param refills            fills after the first, 0 to 5
 * @param validityDays       how long it may be filled, 1 to 366 days (30 by default)
 * @param instructions       optional, for the patient: "after meals"
 * @param indicationSystem   "ICD-10" or "SNOMED-CT": the diagnosis treated
 * @param indicationCode     its code
 * @param indicationDisplay  its name
 * @param overrideReason     why the doctor goes on despite the warnings; needed only when there are some
 */
public record PrescriptionDraft(String medicine, String dose, String route, String frequency, Integer durationDays, Long quantity,
                                Integer refills, Integer validityDays, String instructions, String indicationSystem,
                                String indicationCode, String indicationDisplay, String overrideReason) {

    public static final java.util.List<String> ROUTES = java.util.List.of("Oral", "Sublingual", "Buccal", "Topical", "Transdermal",
            "Inhaled", "Nasal", "Ophthalmic", "Otic", "Rectal", "Vaginal", "Subcutaneous", "Intramuscular", "Intravenous");
    public static final int DEFAULT_VALIDITY_DAYS = 30;
    public static final long MAX_QUANTITY = 10_000;

    /** The same draft, with the reason for going on despite the warnings. */
    public PrescriptionDraft withOverrideReason(String reason) {
        return new PrescriptionDraft(medicine, dose, route, frequency, durationDays, quantity, refills, validityDays, instructions,
                indicationSystem, indicationCode, indicationDisplay, reason);
    }
}
