package org.careledger.fhir;

import java.util.List;

import org.careledger.records.RecordExchange.ImportProgress;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the record pages say of an import as it runs and when it ends, for the patient and for their doctor. */
class FhirImportWordsTest {

    @Test
    void aRunningImportSaysHowManyResourcesOrEntriesItHasDealtWith() {
        assertThat(words(FhirImportJob.Stage.WAITING, 0, 0).step()).isEqualTo("Waiting for other imports to finish…");
        assertThat(words(FhirImportJob.Stage.CHECKING, 120, 5000)).satisfies(p -> {
            assertThat(p.step()).isEqualTo("Checking 120 of 5000 resources");
            assertThat(p.finished()).isFalse();
            assertThat(p.done()).isEqualTo(120);
            assertThat(p.total()).isEqualTo(5000);
        });
        assertThat(words(FhirImportJob.Stage.STORING, 0, 0).step()).as("before records knows how many are new").isEqualTo("Storing entries…");
        assertThat(words(FhirImportJob.Stage.STORING, 3, 40).step()).isEqualTo("Storing 3 of 40 entries");
    }

    @Test
    void anEndedImportSaysWhatItDidInTheWordsOfWhoStartedIt() {
        FhirImportReport report = new FhirImportReport(1, List.of("Immunization 7: not imported"), 2);
        FhirImportJob.Progress done = new FhirImportJob.Progress(FhirImportJob.Stage.DONE, 1, 1, report, null, List.of());

        assertThat(FhirRecordExchange.words(done, false)).satisfies(p -> {
            assertThat(p.finished()).isTrue();
            assertThat(p.refused()).isFalse();
            assertThat(p.outcome()).isEqualTo("1 entry waits for your approval below; 2 were already in your record or waiting; "
                    + "1 resource not imported (listed below)");
            assertThat(p.details()).containsExactly("Immunization 7: not imported");
        });
        assertThat(FhirRecordExchange.words(done, true).outcome()).isEqualTo("1 entry sent to the patient for approval; "
                + "2 were already sent by you; 1 resource not imported (listed below)");
        ImportProgress refused = FhirRecordExchange.words(new FhirImportJob.Progress(FhirImportJob.Stage.REFUSED, 0, 0, null,
                "This is not a valid FHIR R4 Bundle", List.of("Bundle.entry[0]: unknown element 'colour'")), false);
        assertThat(refused.refused()).isTrue();
        assertThat(refused.outcome()).isEqualTo("The file was not imported, and nothing was stored: This is not a valid FHIR R4 Bundle");
        assertThat(refused.details()).containsExactly("Bundle.entry[0]: unknown element 'colour'");
    }

    private static ImportProgress words(FhirImportJob.Stage stage, int done, int total) {
        return FhirRecordExchange.words(new FhirImportJob.Progress(stage, done, total, null, null, List.of()), false);
    }
}
