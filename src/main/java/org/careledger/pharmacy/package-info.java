/**
 * The pharmacy: a catalogue of medicines priced in tokens, prescriptions a doctor issues on the
 * ledger, dispensing by a pharmacist that raises its invoice, and the patient's payment. Today it
 * holds the medicine catalogue ({@link org.careledger.pharmacy.MedicineCatalogue}: filled once from
 * the one extracted from Synthea's medications, priced and pruned by admins on its page), and the
 * reviewed medicine, ingredient and drug-class tables with which a prescription is checked, before it
 * is signed, against the patient's recorded allergies and active prescriptions ({@code internal},
 * plain Java). The prescriptions and invoices contracts are in {@code contracts}; the services and
 * views that use them come next.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Pharmacy", allowedDependencies = {"common", "identity", "provider"})
package org.careledger.pharmacy;
