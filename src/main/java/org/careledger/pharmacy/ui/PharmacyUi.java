package org.careledger.pharmacy.ui;

import com.vaadin.flow.component.html.Span;
import org.careledger.pharmacy.PrescriptionView;
import org.careledger.pharmacy.RxState;

/** What the pharmacy's views share: a prescription's state as a badge, what still waits for the ledger, its quantities. */
final class PharmacyUi {

    private PharmacyUi() {
    }

    static Span stateBadge(PrescriptionView p) {
        Span badge = new Span(p.state().label());
        badge.getElement().getThemeList().add(switch (p.state()) {
            case ISSUED, PARTIALLY_DISPENSED -> "badge success";
            case ON_ITS_WAY -> "badge";
            case COMPLETED -> "badge contrast";
            case CANCELLED, EXPIRED, REFUSED -> "badge error";
        });
        return badge;
    }

    /** Whether anything shown still waits for the ledger: a prescription or a fill on its way. */
    static boolean waiting(PrescriptionView p) {
        return p.state() == RxState.ON_ITS_WAY || p.fills().stream().anyMatch(f -> f.pending());
    }

    /** "30 of 60 left" and the refills. */
    static String quantities(PrescriptionView p) {
        if (p.chainId() == null) {
            return "";
        }
        return p.quantity() + " per fill, " + p.refills() + (p.refills() == 1 ? " refill" : " refills") + "; " + p.remaining() + " of "
                + p.totalAllowed() + " left";
    }
}
