package org.careledger.records.ui;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import org.careledger.common.ui.BrowserTime;
import org.careledger.contracts.RecordCategory;
import org.careledger.outbox.LedgerReceipt;
import org.careledger.records.Integrity;
import org.careledger.records.Party;
import org.careledger.records.RecordEntryView;
import org.careledger.records.RecordLabels;

/**
 * What the records views share: how a service's refusal reaches the user (next to the field it
 * names, otherwise as a notification, never as a stack trace), the integrity badge, a ledger receipt
 * and the durations a consent can take.
 */
final class RecordsUi {

    /** The durations a doctor asks for; a patient may grant these or shorter. */
    static final List<Duration> DURATIONS = List.of(Duration.ofDays(1), Duration.ofDays(7), Duration.ofDays(30), Duration.ofDays(90));

    private RecordsUi() {
    }

    /** A green "Verified" badge, or a loud red label for anything that must not be trusted or is gone. */
    static Span integrityBadge(Integrity integrity) {
        Span badge = new Span(switch (integrity) {
            case VERIFIED -> "✔ Verified";
            case MISMATCH -> "⚠ MISMATCH: does not match its ledger anchor";
            case PAYLOAD_MISSING -> "⚠ PAYLOAD MISSING";
            case ERASED -> "ERASED";
            case AWAITING_ANCHOR -> "Awaiting anchor";
            case NOT_ANCHORED -> "Not anchored";
        });
        String theme = switch (integrity) {
            case VERIFIED -> "badge success";
            case MISMATCH, PAYLOAD_MISSING, ERASED -> "badge error primary";
            case AWAITING_ANCHOR, NOT_ANCHORED -> "badge contrast";
        };
        badge.getElement().getThemeList().addAll(List.of(theme.split(" ")));
        badge.addClassName("integrity-" + integrity.name().toLowerCase().replace('_', '-'));
        return badge;
    }

    /** An entry's clinical date (an onset, a start, the day it was written); the day it was stored for one without. */
    static String date(RecordEntryView e) {
        if (e.clinicalDate() != null) {
            return BrowserTime.format(e.clinicalDate());
        }
        return e.createdAt() == null ? "" : BrowserTime.format(e.createdAt().atZone(BrowserTime.zone()).toLocalDate());
    }

    /**
     * Where an entry comes from: "Imported from Synthea, 6 Dec 2026" for imported history, the
     * author's name ({@code selfReported} in place of the patient's name when the patient wrote it).
     */
    static String from(RecordEntryView e, String selfReported) {
        if (e.imported()) {
            return "Imported from " + e.importedFrom() + ", "
                    + BrowserTime.format(e.createdAt().atZone(BrowserTime.zone()).toLocalDate());
        }
        if (e.author() == null) {
            return "";
        }
        return e.selfReported() ? selfReported : e.author();
    }

    static boolean inFlight(LedgerReceipt receipt) {
        return receipt != null && receipt.inFlight();
    }

    /** "Ledger: committed in block 12". */
    static String ledgerStatus(LedgerReceipt receipt) {
        return receipt == null ? "" : "Ledger: " + receipt.describe();
    }

    static String categories(Collection<RecordCategory> categories) {
        return categories == null || categories.isEmpty() ? "" : RecordLabels.categories(categories);
    }

    /** The item a notification's "Open" named: outlined, and scrolled to. */
    static void singleOut(com.vaadin.flow.component.Component item) {
        item.addClassName("cl-singled-out");
        item.scrollIntoView();
    }

    /** A query parameter of the address the page was opened with, if given. */
    static java.util.Optional<String> parameter(com.vaadin.flow.router.BeforeEnterEvent event, String name) {
        return event.getLocation().getQueryParameters().getSingleParameter(name).filter(v -> !v.isBlank());
    }

    static String category(RecordCategory category) {
        return category == null ? "" : RecordLabels.category(category);
    }

    static String duration(Duration d) {
        if (d.toDays() >= 1 && d.toHours() % 24 == 0) {
            return d.toDays() == 1 ? "1 day" : d.toDays() + " days";
        }
        return d.toHours() == 1 ? "1 hour" : d.toHours() + " hours";
    }

    /** "Dr Jane Doe · St Mary's Hospital · registration GMC-123". */
    static String who(Party party) {
        if (party == null) {
            return "";
        }
        if (party.name() == null) {
            return party.nameOrAddress();
        }
        String affiliation = affiliation(party);
        return affiliation.isEmpty() ? party.name() : party.name() + " · " + affiliation;
    }

    /** "St Mary's Hospital · registration GMC-123": where someone works, without their name; empty if unknown. */
    static String affiliation(Party party) {
        StringBuilder out = new StringBuilder();
        if (party != null && party.provider() != null) {
            out.append(party.provider());
        }
        if (party != null && party.registrationNumber() != null) {
            out.append(out.isEmpty() ? "" : " · ").append("registration ").append(party.registrationNumber());
        }
        return out.toString();
    }

    /** A dialog as wide as its content needs, never wider than a phone's screen; its fields take the whole width. */
    static void fitToScreen(Dialog dialog) {
        dialog.setWidth("min(32rem, 95vw)");
        dialog.setMaxWidth("95vw");
    }
}
