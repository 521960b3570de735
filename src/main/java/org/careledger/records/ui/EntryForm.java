package org.careledger.records.ui;

import java.util.Collection;
import java.util.function.BiConsumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import org.careledger.common.ui.FieldErrors;
import org.careledger.contracts.RecordCategory;
import org.careledger.records.Attachment;
import org.careledger.records.EntryContent;
import org.careledger.records.EntryRules;

/**
 * The form for a new entry, shared by the doctor's record view and the patient's self-report: the
 * fields a category needs are shown, and {@link EntryRules}' messages appear next to them.
 */
class EntryForm extends VerticalLayout {

    final Select<RecordCategory> category = new Select<>();
    final Select<String> codeSystem = new Select<>();
    final TextField code = new TextField("Code");
    final TextField display = new TextField();
    final TextArea text = new TextArea();
    final Button save = new Button("Add entry");
    private final Upload attachmentUpload;
    private final ErrorLabel attachmentError = new ErrorLabel("entry-attachment-error");
    private final FieldErrors errors = new FieldErrors();
    private volatile Attachment attachment;

    EntryForm(Collection<RecordCategory> categories, BiConsumer<RecordCategory, EntryContent> saveAction, Runnable afterSave) {
        setId("entry-form");
        setPadding(false);
        category.setLabel("Category");
        category.setId("entry-category");
        category.setItems(categories);
        category.setItemLabelGenerator(RecordsUi::category);
        category.addValueChangeListener(e -> showFieldsFor(e.getValue()));
        codeSystem.setLabel("Code system");
        codeSystem.setId("entry-code-system");
        codeSystem.setItems(EntryRules.SNOMED, EntryRules.ICD10, EntryRules.RXNORM);
        codeSystem.setEmptySelectionAllowed(true);
        code.setId("entry-code");
        display.setId("entry-display");
        display.setMaxLength(EntryContent.MAX_DISPLAY);
        text.setId("entry-text");
        text.setMaxLength(EntryContent.MAX_TEXT);
        attachmentUpload = createAttachmentUpload();
        errors.bind("category", category).bind("codeSystem", codeSystem).bind("code", code).bind("display", display)
                .bind("text", text).bind("attachment", attachmentError);
        save.setId("add-entry-button");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> {
            RecordCategory chosen = category.getValue();
            EntryContent content = new EntryContent(codeSystem.getValue(), code.getValue(), display.getValue(), text.getValue(),
                    chosen == RecordCategory.ATTACHMENT ? attachment : null);
            if (RecordsUi.attempt(() -> saveAction.accept(chosen, content), errors)) {
                clearFields();
                afterSave.run();
            }
        });
        FormLayout fields = new FormLayout(category, codeSystem, code, display, text);
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
        boolean coded = c == RecordCategory.DIAGNOSIS || c == RecordCategory.MEDICATION || c == RecordCategory.ALLERGY;
        boolean measured = c == RecordCategory.VITAL_SIGNS || c == RecordCategory.LAB_RESULT;
        codeSystem.setVisible(coded);
        code.setVisible(coded);
        display.setVisible(coded || measured);
        display.setLabel(measured ? "What was measured" : c == RecordCategory.MEDICATION ? "Medicine"
                : c == RecordCategory.ALLERGY ? "Substance" : "Display text");
        text.setLabel(measured ? "Value with its unit" : c == RecordCategory.CLINICAL_NOTE ? "Note" : "Comment (optional)");
        attachmentUpload.setVisible(c == RecordCategory.ATTACHMENT);
        if (c == RecordCategory.DIAGNOSIS && codeSystem.getValue() == null) {
            codeSystem.setValue(EntryRules.SNOMED);
        }
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
