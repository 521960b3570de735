package org.careledger.recommend;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;

import org.careledger.common.NotFoundException;
import org.careledger.contracts.RecordCategory;
import org.careledger.crypto.Address;
import org.careledger.identity.AppRoles;
import org.careledger.identity.KeyCustody;
import org.careledger.identity.UserDirectory;
import org.careledger.identity.UserProfile;
import org.careledger.recommend.engine.Recommender;
import org.careledger.recommend.internal.Blend;
import org.careledger.recommend.internal.CurrentModel;
import org.careledger.records.DoctorRecords;
import org.careledger.records.PatientRecordView;
import org.careledger.records.RecordEntryView;
import org.careledger.records.SymptomReportText;
import org.springframework.stereotype.Service;

/**
 * The doctor's side of disease analysis: the patient's symptom reports with the conditions the model
 * ranks for each. It reads the record through {@link DoctorRecords}, so only under a grant covering
 * SYMPTOM_REPORT (or an emergency), and the read is on the ledger's audit like any other.
 */
@Service
@RolesAllowed(AppRoles.DOCTOR)
public class ConditionAnalysis {

    /** How many of the newest reports are analysed, and how many conditions each shows. */
    static final int REPORTS = 5;
    static final int CONDITIONS = 5;

    private final DoctorRecords records;
    private final CurrentModel model;
    private final KeyCustody custody;
    private final UserDirectory users;

    ConditionAnalysis(DoctorRecords records, CurrentModel model, KeyCustody custody, UserDirectory users) {
        this.records = records;
        this.model = model;
        this.custody = custody;
        this.users = users;
    }

    /**
     * The patient's newest symptom reports, each with its ranked conditions; empty if the record has
     * none the doctor may read.
     *
     * @throws org.careledger.records.ConsentRequiredException if the doctor may not read the record
     */
    public List<SymptomAnalysis> analyse(Address patient) {
        UserProfile account = custody.ownerOf(patient).flatMap(users::find)
                .orElseThrow(() -> new NotFoundException("No registered patient has the address " + patient));
        PatientRecordView record = records.readRecord(patient);
        Recommender recommender = model.get();
        List<SymptomAnalysis> out = new ArrayList<>();
        for (RecordEntryView e : record.entries()) {
            if (out.size() == REPORTS) {
                break;
            }
            if (e.category() != RecordCategory.SYMPTOM_REPORT || e.content() == null) {
                continue;
            }
            SymptomReportText.parse(e.content().text()).ifPresent(report -> {
                int age = ageOn(account.dateOfBirth(), e.clinicalDate());
                List<SymptomAnalysis.Condition> ranked = Blend.conditions(recommender, age, report.sex(), report.severities(), CONDITIONS);
                out.add(new SymptomAnalysis(e.entryId(), e.clinicalDate(), age, report.sex(), report.severities(), ranked,
                        recommender.card().version()));
            });
        }
        return out;
    }

    static int ageOn(LocalDate birth, LocalDate day) {
        if (birth == null || day == null) {
            return 0;
        }
        return Math.max(0, Math.min(130, Period.between(birth, day).getYears()));
    }
}
