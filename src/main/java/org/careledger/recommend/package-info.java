/**
 * Decision support: disease analysis from the symptoms a patient reports and medicine suggestions in
 * the prescription form, both ranked by models trained with Smile ({@code engine}: plain Java, trained
 * and evaluated on the bundled Synthea data, and on MIMIC for a real-data check). Suggestions are
 * never applied: the doctor sees the top ones with a calibrated confidence and the evidence in words,
 * picks one or ignores them, and the choice is recorded. A medicine the patient is allergic to is
 * never offered (the pharmacy decides that, with its reviewed tables). One service per audience:
 * {@link org.careledger.recommend.SymptomReporting} and {@link org.careledger.recommend.TrainingConsent}
 * for patients, {@link org.careledger.recommend.ConditionAnalysis} for doctors (a read of the record
 * under consent, on the ledger's audit like any other), {@link org.careledger.recommend.ModelAdministration}
 * for admins (the current models, their evaluation, retraining in the background from the bundled data
 * plus the records of patients who opted in). Models are versioned files under the data directory; the
 * portal loads the shipped one on first use, never at start.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Decision support",
        allowedDependencies = {"common", "contracts", "crypto", "identity", "install", "pharmacy", "records"})
package org.careledger.recommend;
