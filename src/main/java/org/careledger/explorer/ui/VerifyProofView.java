package org.careledger.explorer.ui;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import org.careledger.common.ui.BoundedUpload;
import org.careledger.common.ui.ServiceCalls;
import org.careledger.explorer.ExplorerSearch;
import org.careledger.explorer.ProofChecker;
import org.careledger.explorer.ProofVerdict;
import org.careledger.identity.AppRoles;
import org.careledger.records.PatientCodes;

/** Checks a proof bundle, uploaded as its JSON file or an image of its QR code, as {@code ledger proof verify} does. */
@Route("explorer/verify")
@PageTitle("Verify a proof · CareLedger")
@Menu(order = 97, title = "Verify a proof", icon = "vaadin:check-circle-o")
@RolesAllowed({AppRoles.ADMIN, AppRoles.DOCTOR, AppRoles.PATIENT, AppRoles.PHARMACIST})
class VerifyProofView extends VerticalLayout {

    final Paragraph verdict = new Paragraph();
    final Upload upload;
    private final ProofChecker checker;

    VerifyProofView(ProofChecker checker, ExplorerSearch search) {
        this.checker = checker;
        setId("explorer-verify");
        verdict.setId("proof-verdict");
        upload = BoundedUpload.create(ProofChecker.MAX_BYTES, (metadata, bytes) -> check(bytes),
                () -> showRefusal(PatientCodes.TOO_LARGE), this::showRefusal);
        upload.setId("proof-upload");
        upload.setAcceptedFileTypes("application/json", ".json", "image/png", ".png", "image/jpeg", ".jpg", ".jpeg");
        add(ExplorerUi.header(new H2("Verify a proof"), search),
                new Paragraph("Upload a proof bundle (the JSON file a transaction's page or your records offer) or a photo of its QR "
                        + "code. It is checked against this chain's genesis, as ledger proof verify FILE does."),
                upload, verdict);
    }

    void check(byte[] bytes) {
        boolean[] done = {false};
        ServiceCalls.attempt(() -> {
            show(checker.check(bytes));
            done[0] = true;
        }, null);
        if (!done[0]) {
            verdict.setText("");
        }
        upload.clearFileList();
    }

    private void show(ProofVerdict v) {
        verdict.setText(v.summary());
        verdict.getStyle().set("color", v.valid() ? "var(--lumo-success-text-color)" : "var(--lumo-error-text-color)")
                .set("word-break", "break-word");
    }

    private void showRefusal(String message) {
        verdict.setText("");
        org.careledger.common.ui.FieldErrors.Notifications.error(message);
    }
}
