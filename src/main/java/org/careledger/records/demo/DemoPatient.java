package org.careledger.records.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A synthetic patient for the demo install, with the records a doctor would see. {@code sourceId}
 * is the patient's Id in the Synthea export it came from.
 */
public record DemoPatient(String sourceId, String firstName, String lastName, LocalDate birthDate, String gender,
                          String city, List<DemoCondition> conditions, List<DemoMedication> medications,
                          List<DemoAllergy> allergies) {

    public DemoPatient {
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(firstName, "firstName");
        Objects.requireNonNull(lastName, "lastName");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(gender, "gender");
        Objects.requireNonNull(city, "city");
        conditions = List.copyOf(conditions);
        medications = List.copyOf(medications);
        allergies = List.copyOf(allergies);
    }

    @Override
    public String toString() {
        return "DemoPatient[" + firstName + " " + lastName + ", born " + birthDate + ", " + conditions.size()
                + " conditions, " + medications.size() + " medications, " + allergies.size() + " allergies]";
    }
}
