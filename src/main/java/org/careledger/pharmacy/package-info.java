/**
 * The pharmacy: a catalogue of medicines priced in tokens ({@link org.careledger.pharmacy.MedicineCatalogue}:
 * filled once from the one extracted from Synthea's medications, priced and pruned by admins, and
 * each pharmacy's own prices); prescriptions a doctor writes from a patient's record
 * ({@link org.careledger.pharmacy.Prescribing}: checked against the patient's allergies and active
 * prescriptions with the reviewed tables in {@code internal}, sealed into the record, issued on the
 * ledger); the patient's prescriptions with their one-time QR codes
 * ({@link org.careledger.pharmacy.PatientPrescriptions}); and the pharmacist's dispensary
 * ({@link org.careledger.pharmacy.Dispensary}: the work queue, scanning, dispensing that raises the
 * patient's invoice, reversal). The contracts that enforce every rule are {@code prescriptions} and
 * {@code invoices} in {@code contracts}; the patient pays from the wallet.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Pharmacy", allowedDependencies = {"common", "contracts", "crypto",
        "identity", "ledger", "node", "outbox", "provider", "records", "registry", "wallet"})
package org.careledger.pharmacy;
