package org.careledger.records.ui;

import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextArea;
import org.careledger.common.ui.FieldErrors;
import org.careledger.common.ui.ServiceCalls;
import org.careledger.records.ConsentLimits;

/**
 * A decision that carries a comment (reject an entry, ask for an erasure, decline one, review an
 * emergency). The service decides whether the comment is required; its message shows by the field.
 * Ids: {@code <name>-dialog}, {@code <name>-comment}, {@code <name>-confirm-button}.
 */
class CommentDialog extends Dialog {

    final Button confirmButton;

    final TextArea comment;

    CommentDialog(String name, String title, String label, String field, String confirmText, Consumer<String> action, Runnable after) {
        setId(name + "-dialog");
        setHeaderTitle(title);
        RecordsUi.fitToScreen(this);
        comment = new TextArea(label);
        comment.setId(name + "-comment");
        comment.setWidthFull();
        comment.setMaxLength(ConsentLimits.MAX_NOTE);
        FieldErrors errors = new FieldErrors().bind(field, comment);
        confirmButton = new Button(confirmText, click -> {
            if (ServiceCalls.attempt(() -> action.accept(comment.getValue()), errors)) {
                close();
                after.run();
            }
        });
        confirmButton.setId(name + "-confirm-button");
        confirmButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(comment);
        getFooter().add(new Button("Cancel", click -> close()), confirmButton);
    }
}
