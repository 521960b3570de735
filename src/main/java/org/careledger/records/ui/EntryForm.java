package org.careledger.records.ui;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import org.careledger.common.ui.BoundedUpload;
import org.careledger.common.ui.BrowserTime;
import org.careledger.common.ui.FieldErrors;
import org.careledger.common.ui.ServiceCalls;
import org.careledger.contracts.RecordCategory;
import org.careledger.records.Attachment;
import org.careledger.records.EntryContent;
import org.careledger.records.EntryRules;

/**
 * The form for a new entry, shared by the doctor's record view and the patient's self-report: the
 * fields a category needs are shown, with the code systems the category is coded in, and
 * {@link EntryRules}' messages appear next to them. The entry's date (an onset, a start) is today's
 * unless the writer gives another.
 */
class EntryForm extends VerticalLayout {

    /** Saves an entry of the category with its content and clinical date. */
    @FunctionalInterface
    interface SaveAction {
        void save(RecordCategory category, EntryContent content, LocalDate clinicalDate);
    }

    final Select<RecordCategory> category = new Select<>();
    final Select<String> codeSystem = new Select<>();
    final TextField code = new TextField("Code");
    final TextField display = new TextField();
    final TextArea text = new TextArea();
    final DatePicker date = new DatePicker();
    final Button save = new Button("Add entry");
    private final Upload attachmentUpload;
    private final ErrorLabel attachmentError = new ErrorLabel("entry-attachment-error");
    private final FieldErrors errors = new FieldErrors();
    private volatile Attachment attachment;

    EntryForm(Collection<RecordCategory> categories, SaveAction saveAction, Runnable afterSave) {
        setId("entry-form");
        setPadding(false);
        category.setLabel("Category");
        category.setId("entry-category");
        // a symptom report has its own form (decision support's "Report symptoms"), with its pick list and severities
        category.setItems(categories.stream().filter(c -> c != RecordCategory.SYMPTOM_REPORT).sorted().toList());
        category.setItemLabelGenerator(RecordsUi::category);
        category.addValueChangeListener(e -> showFieldsFor(e.getValue()));
        codeSystem.setLabel("Code system");
        codeSystem.setId("entry-code-system");
        codeSystem.setEmptySelectionAllowed(true);
        codeSystem.setEmptySelectionCaption("No code");
        codeSystem.setItemLabelGenerator(s -> s == null ? "No code" : EntryRules.SNOMED.equals(s) ? "SNOMED CT" : s);
        code.setId("entry-code");
        date.setId("entry-date");
        date.setMax(LocalDate.now(BrowserTime.zone()));
        date.setMin(EntryRules.EARLIEST_CLINICAL_DATE);
        date.setValue(LocalDate.now(BrowserTime.zone()));
        display.setId("entry-display");
        display.setMaxLength(EntryContent.MAX_DISPLAY);
        text.setId("entry-text");
        text.setMaxLength(EntryContent.MAX_TEXT);
        attachmentUpload = createAttachmentUpload();
        errors.bind("category", category).bind("codeSystem", codeSystem).bind("code", code).bind("display", display)
                .bind("text", text).bind("clinicalDate", date).bind("attachment", attachmentError);
        save.setId("add-entry-button");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> {
            RecordCategory chosen = category.getValue();
            // only what the category shows is sent; a code system without a code is no code at all
            boolean coded = code.isVisible() && !code.getValue().isBlank();
            EntryContent content = new EntryContent(coded ? codeSystem.getValue() : null, coded ? code.getValue() : null,
                    display.isVisible() ? display.getValue() : null, text.getValue(), chosen == RecordCategory.ATTACHMENT ? attachment : null);
            if (ServiceCalls.attempt(() -> saveAction.save(chosen, content, date.getValue()), errors)) {
                clearFields();
                afterSave.run();
            }
        });
        FormLayout fields = new FormLayout(category, date, display, codeSystem, code, text);
        fields.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
        fields.setColspan(text, 2);
        add(fields, attachmentUpload, attachmentError, save);
        category.setValue(categories.isEmpty() ? null : categories.iterator().next());
        showFieldsFor(category.getValue());
    }

    private Upload createAttachmentUpload() {
        Upload upload = BoundedUpload.create(EntryContent.MAX_ATTACHMENT_BYTES,
                (metadata, bytes) -> attachment = new Attachment(metadata.fileName(), metadata.contentType(), bytes),
                () -> {
                    attachment = null;
                    showAttachmentError(EntryRules.ATTACHMENT_TOO_LARGE);
                }, this::showAttachmentError);
        upload.setId("entry-attachment");
        upload.setAcceptedFileTypes("application/pdf", "image/png", "image/jpeg", ".pdf", ".png", ".jpg", ".jpeg");
        upload.addFileRemovedListener(e -> attachment = null);
        return upload;
    }

    private void showAttachmentError(String message) {
        attachmentError.setErrorMessage(message);
        attachmentError.setInvalid(true);
    }

    private void showFieldsFor(RecordCategory c) {
        List<String> systems = c == null ? List.of() : EntryRules.codeSystemsFor(c);
        boolean coded = !systems.isEmpty();
        boolean measured = c == RecordCategory.VITAL_SIGNS || c == RecordCategory.LAB_RESULT;
        codeSystem.setVisible(coded);
        code.setVisible(coded);
        if (coded) {
            codeSystem.setItems(systems);
            codeSystem.setValue(systems.get(0));
        }
        code.setHelperText(switch (c == null ? RecordCategory.CLINICAL_NOTE : c) {
            case DIAGNOSIS -> "Required: SNOMED CT like 44054006, or ICD-10 like E11.9";
            case MEDICATION -> "Optional: the RxNorm code, like 860975";
            case ALLERGY -> "Optional: SNOMED CT for a substance, RxNorm for a medicine";
            default -> null;
        });
        display.setVisible(coded || measured);
        display.setLabel(switch (c == null ? RecordCategory.CLINICAL_NOTE : c) {
            case DIAGNOSIS -> "Diagnosis";
            case MEDICATION -> "Medicine and strength";
            case ALLERGY -> "Allergic to";
            default -> "What was measured";
        });
        display.setPlaceholder(switch (c == null ? RecordCategory.CLINICAL_NOTE : c) {
            case DIAGNOSIS -> "Type 2 diabetes mellitus";
            case MEDICATION -> "Metformin 500 mg";
            case ALLERGY -> "Penicillin";
            case LAB_RESULT -> "HbA1c";
            default -> "Blood pressure";
        });
        text.setLabel(measured ? "Value with its unit" : c == RecordCategory.CLINICAL_NOTE ? "Note" : "Comment (optional)");
        date.setLabel(switch (c == null ? RecordCategory.CLINICAL_NOTE : c) {
            case DIAGNOSIS -> "Onset";
            case MEDICATION -> "Started";
            case ALLERGY -> "First noted";
            case VITAL_SIGNS, LAB_RESULT -> "Measured on";
            default -> "Date";
        });
        attachmentUpload.setVisible(c == RecordCategory.ATTACHMENT);
        errors.clear();
    }

    private void clearFields() {
        code.clear();
        display.clear();
        text.clear();
        attachment = null;
        attachmentUpload.clearFileList();
        errors.clear();
    }
}
