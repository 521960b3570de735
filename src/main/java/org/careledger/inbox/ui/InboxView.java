package org.careledger.inbox.ui;

import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.PermitAll;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import org.careledger.common.NotFoundException;
import org.careledger.common.ui.BrowserTime;
import org.careledger.common.ui.FieldErrors;
import org.careledger.common.ui.ResponsiveGrid;
import org.careledger.identity.CurrentUser;
import org.careledger.identity.Role;
import org.careledger.identity.UserProfile;
import org.careledger.inbox.Inbox;
import org.careledger.inbox.InboxBroadcaster;
import org.careledger.inbox.InboxMessage;

/**
 * The signed-in user's notifications, newest first: what is new, what was read, and what someone
 * has already handled (and how). It follows the inbox live while it is open.
 */
@Route("inbox")
@PageTitle("Inbox · CareLedger")
@Menu(order = 90, title = "Inbox", icon = "vaadin:envelope")
@PermitAll
class InboxView extends VerticalLayout {

    private final Inbox inbox;
    private final InboxBroadcaster broadcaster;
    private final Optional<UserProfile> user;
    final ResponsiveGrid<InboxMessage> grid = new ResponsiveGrid<>();
    final Button allRead = new Button("Mark all as read");
    final Paragraph summary = new Paragraph();
    private Runnable unsubscribe = () -> { };

    InboxView(Inbox inbox, InboxBroadcaster broadcaster, CurrentUser currentUser) {
        this.inbox = inbox;
        this.broadcaster = broadcaster;
        this.user = currentUser.profile();
        setId("inbox-view");
        setSizeFull();
        add(createHeader(), summary, createGrid());
        refresh();
    }

    private HorizontalLayout createHeader() {
        allRead.setId("inbox-all-read");
        allRead.addClickListener(click -> {
            inbox.markAllRead();
            refresh();
        });
        HorizontalLayout header = new HorizontalLayout(new H2("Inbox"), allRead);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        header.setWrap(true);
        summary.setId("inbox-summary");
        summary.getStyle().set("margin", "0");
        return header;
    }

    private ResponsiveGrid<InboxMessage> createGrid() {
        grid.setId("inbox-grid");
        grid.component("Message", this::message).setFlexGrow(3);
        grid.text("Status", InboxView::status).setFlexGrow(2);
        grid.text("Received", m -> BrowserTime.format(m.createdAt()));
        grid.actions("", this::actions);
        grid.setEmptyStateText(emptyText(user.map(UserProfile::role).orElse(null)));
        return grid;
    }

    private Div message(InboxMessage m) {
        Span title = new Span(m.title());
        if (m.unread()) {
            title.addClassName("cl-unread");
        }
        Paragraph body = new Paragraph(m.body());
        body.getStyle().set("margin", "0").set("white-space", "normal");
        return new Div(title, body);
    }

    /** "New", "Read", or how and when someone handled what the message asked for. */
    static String status(InboxMessage m) {
        if (m.handled()) {
            return m.outcome() + " on " + BrowserTime.format(m.settledAt());
        }
        return m.unread() ? "New" : "Read";
    }

    private HorizontalLayout actions(InboxMessage m) {
        HorizontalLayout actions = new HorizontalLayout();
        if (m.link() != null) {
            Button open = new Button("Open", click -> {
                markRead(m);
                Location target = new Location(m.link());
                UI.getCurrent().navigate(target.getPath(), target.getQueryParameters());
            });
            open.setId("inbox-open-" + m.id());
            actions.add(open);
        }
        if (m.unread()) {
            Button read = new Button("Mark read", click -> {
                markRead(m);
                refresh();
            });
            read.setId("inbox-read-" + m.id());
            read.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            actions.add(read);
        }
        return actions;
    }

    private void markRead(InboxMessage m) {
        try {
            inbox.markRead(m.id());
        } catch (NotFoundException e) {
            FieldErrors.Notifications.error(e.getMessage());
        }
    }

    void refresh() {
        List<InboxMessage> messages = inbox.mine();
        long unread = inbox.myUnreadCount();
        grid.setItems(messages);
        allRead.setEnabled(unread > 0);
        summary.setText(messages.isEmpty() ? "" : unread == 0 ? "Nothing unread." : unread == 1 ? "1 unread message." : unread + " unread messages.");
        summary.setVisible(!messages.isEmpty());
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        UI ui = attachEvent.getUI();
        user.ifPresent(u -> unsubscribe = broadcaster.subscribe(u.id(), count -> ui.access(this::refresh)));
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        unsubscribe.run();
        unsubscribe = () -> { };
        super.onDetach(detachEvent);
    }

    /** What an empty inbox says: that nothing has come yet, and what would come, for this role. */
    static String emptyText(Role role) {
        String what = role == null ? "Messages about your account" : switch (role) {
            case ADMIN -> "New registrations to approve, emergency accesses to review and requests to erase an entry";
            case PATIENT -> "Doctors' requests to see your record, entries they add for your approval and any emergency access to your record";
            case DOCTOR -> "Your patients' answers to your access requests and entries, and the reviews of your emergency accesses";
            case PHARMACIST -> "Messages about your account";
        };
        return "Your inbox is empty: nothing has been sent to you yet. " + what + " will appear here.";
    }
}
