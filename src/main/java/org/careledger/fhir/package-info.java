/**
 * A patient's record as HL7 FHIR R4, built with HAPI FHIR: the export of a record as a Bundle that
 * carries each entry's ledger anchor and proof, the import of a Bundle from elsewhere as entries the
 * patient approves, and the {@code fhir validate FILE} command that checks a Bundle against the base
 * R4 specification. The API is one service per audience, each enforcing its
 * rules on the server: {@link org.careledger.fhir.PatientFhir} (a patient's own record) and
 * {@link org.careledger.fhir.DoctorFhir} (only what an active grant or emergency opens, read through the
 * records module's audited read, so an export is a read on the ledger's audit like any other).
 * The record views offer the download and the upload through records' {@code RecordExchange}, which
 * this module implements, so records does not depend on it. An import runs in the background on one worker of
 * its own ({@code FhirImportJobs}), as the person who started it, and the page follows its progress.
 * Nothing here runs at start-up: HAPI's {@code FhirContext} is built on the first export, and its
 * validator (seconds and hundreds of MB) only by the command and by tests.
 */
@org.springframework.modulith.ApplicationModule(displayName = "FHIR",
        allowedDependencies = {"appointments", "common", "contracts", "crypto", "identity", "ledger", "node", "pharmacy", "records"})
package org.careledger.fhir;
