package org.careledger.fhir;

import org.careledger.crypto.Address;
import org.careledger.records.RecordExports;
import org.springframework.stereotype.Component;

/**
 * The FHIR download on the record views: the patient's through {@link PatientFhir}, a doctor's through
 * {@link DoctorFhir}, so their role and consent checks apply. Builds nothing until a link is followed.
 */
@Component
class FhirRecordExports implements RecordExports {

    private final PatientFhir patients;
    private final DoctorFhir doctors;

    FhirRecordExports(PatientFhir patients, DoctorFhir doctors) {
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

    private static ExportFile file(FhirExport export) {
        return new ExportFile(export.fileName(), FhirExport.MEDIA_TYPE, export.bytes());
    }
}
