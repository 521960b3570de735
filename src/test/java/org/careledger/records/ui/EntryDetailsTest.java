package org.careledger.records.ui;

import java.time.Instant;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import org.careledger.common.ui.BrowserTime;
import org.careledger.contracts.RecordCategory;
import org.careledger.crypto.Address;
import org.careledger.records.Attachment;
import org.careledger.records.EntryContent;
import org.careledger.records.EntryId;
import org.careledger.records.EntryStatus;
import org.careledger.records.Integrity;
import org.careledger.records.RecordEntryView;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EntryDetailsTest {

    @org.junit.jupiter.api.BeforeEach
    void ui() {
        com.github.mvysny.kaributesting.v10.MockVaadin.setup();
    }

    @org.junit.jupiter.api.AfterEach
    void noUi() {
        com.github.mvysny.kaributesting.v10.MockVaadin.tearDown();
    }

    @Test
    void aNotesWholeTextAndAnAttachmentAreShownUnderTheRow() {
        byte[] pdf = "%PDF-1.4 scan".getBytes();
        Component details = EntryDetails.of(entry(Integrity.VERIFIED,
                new EntryContent(null, null, null, "Line one\nLine two", new Attachment("scan.pdf", "application/pdf", pdf))));
        assertThat(descendants(details, Span.class)).anySatisfy(s -> assertThat(s.getText()).isEqualTo("Line one\nLine two"));
        assertThat(descendants(details, Anchor.class)).singleElement()
                .satisfies(a -> assertThat(a.getText()).startsWith("Download scan.pdf"));
    }

    @Test
    void anImportedEntryShowsItsClinicalDateAndWhenAndWhenceItCame() {
        RecordEntryView imported = new RecordEntryView(new EntryId("e-2"), Address.parse("0x90F8bf6A479f320ead074411a4B0e7944Ea8c9C1"),
                RecordCategory.DIAGNOSIS, 1, EntryStatus.APPROVED, Integrity.VERIFIED,
                EntryContent.coded("SNOMED-CT", "239873007", "Osteoarthritis of knee", null), null, null, "Synthea", false,
                java.time.LocalDate.of(2014, 3, 9), Instant.parse("2026-12-06T10:15:00Z"), Instant.parse("2026-12-06T10:15:00Z"),
                null, null, null, null, null, true);

        assertThat(RecordsUi.from(imported, "you")).isEqualTo("Imported from Synthea, " + BrowserTime.format(java.time.LocalDate.of(2026, 12, 6)));
        assertThat(RecordsUi.date(imported)).isEqualTo(BrowserTime.format(java.time.LocalDate.of(2014, 3, 9)));
        assertThat(imported.provable()).as("its anchor can be proved though nobody here wrote it").isTrue();
        assertThat(EntryDetails.of(imported).getElement().getTextRecursively())
                .contains("Dated " + BrowserTime.format(java.time.LocalDate.of(2014, 3, 9)) + "; imported from Synthea");
    }

    @Test
    void aMismatchedEntrySaysWhyItsContentIsWithheld() {
        Component details = EntryDetails.of(entry(Integrity.MISMATCH, null));
        assertThat(descendants(details, Paragraph.class)).singleElement()
                .satisfies(p -> assertThat(p.getText()).contains("does not match its anchor"));
    }

    private static RecordEntryView entry(Integrity integrity, EntryContent content) {
        return new RecordEntryView(new EntryId("e-1"), Address.parse("0x90F8bf6A479f320ead074411a4B0e7944Ea8c9C1"), RecordCategory.ATTACHMENT,
                1, EntryStatus.APPROVED, integrity, content, "Dr. A", "Doctor", null, false, java.time.LocalDate.EPOCH, Instant.EPOCH, null, null, null,
                null, null, null, true);
    }

    private static <T extends Component> java.util.List<T> descendants(Component root, Class<T> type) {
        java.util.List<T> out = new java.util.ArrayList<>();
        root.getChildren().forEach(c -> {
            if (type.isInstance(c)) {
                out.add(type.cast(c));
            }
            out.addAll(descendants(c, type));
        });
        return out;
    }
}
