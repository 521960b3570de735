/**
 * The pharmacy: a catalogue of medicines priced in tokens, prescriptions a doctor issues on the
 * ledger, dispensing by a pharmacist that raises its invoice, and the patient's payment. Today it
 * holds the module's reference data: the medicine catalogue extracted from Synthea's medications,
 * and the reviewed medicine, ingredient and drug-class tables with which a prescription is checked,
 * before it is signed, against the patient's recorded allergies and active prescriptions
 * ({@code internal}, plain Java). The contracts, services and views of issue 13 build on them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Pharmacy", allowedDependencies = {})
package org.careledger.pharmacy;
