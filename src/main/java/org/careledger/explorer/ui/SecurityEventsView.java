package org.careledger.explorer.ui;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Deque;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import org.careledger.common.ui.BrowserTime;
import org.careledger.common.ui.FieldErrors;
import org.careledger.common.ui.ResponsiveGrid;
import org.careledger.common.ui.ServiceCalls;
import org.careledger.identity.AppRoles;
import org.careledger.identity.SecurityEvent;
import org.careledger.identity.SecurityEventFilter;
import org.careledger.identity.SecurityEventLog;
import org.careledger.identity.SecurityEventPage;

/**
 * The stored security events for admins, newest first, a page at a time: filtered by user (the user an
 * event is about or the admin who acted), kind, and a range of days in the browser's time zone.
 */
@Route("admin/security-events")
@PageTitle("Security events · CareLedger")
@Menu(order = 9, title = "Security events", icon = "vaadin:shield")
@RolesAllowed(AppRoles.ADMIN)
class SecurityEventsView extends VerticalLayout {

    static final int PAGE_SIZE = 50;

    private final SecurityEventLog log;
    final TextField user = new TextField("User");
    final ComboBox<String> kind = new ComboBox<>("Kind");
    final DatePicker from = new DatePicker("From");
    final DatePicker to = new DatePicker("To");
    final Button apply = new Button("Show");
    final ResponsiveGrid<SecurityEvent> grid = new ResponsiveGrid<>();
    final Button newer = new Button("Newer");
    final Button older = new Button("Older");
    final Span pageText = new Span();
    private final FieldErrors errors = new FieldErrors();
    /** The cursors of the pages before the one shown (null: the newest page), to go back to newer ones. */
    private final Deque<Long> newerCursors = new ArrayDeque<>();
    private SecurityEventFilter filter = SecurityEventFilter.ANY;
    private Long cursor;
    private Long olderCursor;

    SecurityEventsView(SecurityEventLog log) {
        this.log = log;
        setId("security-events-view");
        add(new H2("Security events"), createFilters(), createGrid(), createPager());
        show(SecurityEventFilter.ANY, null);
    }

    private HorizontalLayout createFilters() {
        user.setId("security-events-user");
        user.setPlaceholder("username, e.g. jane@example.org");
        user.setClearButtonVisible(true);
        kind.setId("security-events-kind");
        kind.setItems(log.kinds());
        kind.setClearButtonVisible(true);
        kind.setPlaceholder("any");
        from.setId("security-events-from");
        to.setId("security-events-to");
        from.setClearButtonVisible(true);
        to.setClearButtonVisible(true);
        apply.setId("security-events-apply");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        apply.addClickListener(click -> applyFilters());
        errors.bind("user", user).bind("kind", kind).bind("to", to);
        HorizontalLayout filters = new HorizontalLayout(user, kind, from, to, apply);
        filters.setWrap(true);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWidthFull();
        return filters;
    }

    private ResponsiveGrid<SecurityEvent> createGrid() {
        grid.setId("security-events-grid");
        grid.text("Time", e -> BrowserTime.format(e.at()));
        grid.text("Kind", SecurityEvent::event);
        grid.text("User", SecurityEvent::username);
        grid.text("Outcome", SecurityEvent::outcome).setFlexGrow(2);
        grid.text("By", e -> e.actor() == null ? "" : e.actor());
        grid.text("Client", e -> e.client() == null ? "" : e.client());
        grid.setEmptyStateText("No security event matches. Sign-ins, lockouts, role changes, emergency accesses,"
                + " paused sealing and integrity audits appear here as they happen.");
        return grid;
    }

    private HorizontalLayout createPager() {
        newer.setId("security-events-newer");
        older.setId("security-events-older");
        pageText.setId("security-events-page");
        newer.addClickListener(click -> show(filter, newerCursors.pop()));
        older.addClickListener(click -> {
            newerCursors.push(cursor == null ? NEWEST : cursor);
            show(filter, olderCursor);
        });
        HorizontalLayout pager = new HorizontalLayout(newer, pageText, older);
        pager.setAlignItems(FlexComponent.Alignment.BASELINE);
        return pager;
    }

    /** Stands for "the newest page" in the stack of cursors, which holds no nulls. */
    private static final Long NEWEST = Long.MAX_VALUE;

    private void applyFilters() {
        ZoneId zone = BrowserTime.zone();
        SecurityEventFilter asked = new SecurityEventFilter(user.getValue(), kind.getValue(), startOf(from.getValue(), zone),
                startOf(to.getValue() == null ? null : to.getValue().plusDays(1), zone));
        newerCursors.clear();
        show(asked, null);
    }

    private void show(SecurityEventFilter asked, Long at) {
        Long position = NEWEST.equals(at) ? null : at;
        SecurityEventPage[] page = {null};
        if (!ServiceCalls.attempt(() -> page[0] = log.page(asked, position, PAGE_SIZE), errors)) {
            return;
        }
        filter = asked;
        cursor = position;
        olderCursor = page[0].olderCursor().orElse(null);
        grid.setItems(page[0].events());
        newer.setEnabled(!newerCursors.isEmpty());
        older.setEnabled(olderCursor != null);
        int number = newerCursors.size() + 1;
        pageText.setText(page[0].events().isEmpty() ? "No events" : "Page " + number + " · " + page[0].events().size()
                + (page[0].events().size() == 1 ? " event" : " events"));
    }

    private static Instant startOf(LocalDate day, ZoneId zone) {
        return day == null ? null : day.atStartOfDay(zone).toInstant();
    }
}
