package org.careledger.fhir;

import org.careledger.crypto.Address;
import org.careledger.records.RecordExchange;
import org.springframework.stereotype.Component;

/**
 * The FHIR download and upload on the record views: the patient's through {@link PatientFhir}, a doctor's through
 * {@link DoctorFhir}, so their role and consent checks apply. Builds nothing until a link is followed.
 */
@Component
class FhirRecordExchange implements RecordExchange {

    private final PatientFhir patients;
    private final DoctorFhir doctors;

    FhirRecordExchange(PatientFhir patients, DoctorFhir doctors) {
        this.patients = patients;
        this.doctors = doctors;
    }

    @Override
    public String label() {
        return "Download FHIR";
    }

    @Override
    public ExportFile exportMine() {
        return file(patients.exportMyRecord());
    }

    @Override
    public ExportFile exportFor(Address patient) {
        return file(doctors.exportRecord(patient));
    }

    @Override
    public int maxImportBytes() {
        return org.careledger.fhir.internal.BundleReader.MAX_BYTES;
    }

    @Override
    public String importMine(String fileName, byte[] bytes) {
        FhirImportReport report = patients.importBundle(bytes, fileName);
        return report.pending() + " entries wait for your approval below"
                + (report.alreadyThere() == 0 ? "" : "; " + report.alreadyThere() + " were already in your record or waiting")
                + (report.skipped().isEmpty() ? "" : "; " + report.skipped().size() + " resources not imported (" + String.join(", ",
                report.skipped().stream().limit(5).toList()) + (report.skipped().size() > 5 ? ", ..." : "") + ")");
    }

    private static ExportFile file(FhirExport export) {
        return new ExportFile(export.fileName(), FhirExport.MEDIA_TYPE, export.bytes());
    }
}
