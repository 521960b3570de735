package org.careledger.inbox.ui;

import jakarta.annotation.security.PermitAll;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import org.careledger.common.NotFoundException;
import org.careledger.common.ui.BrowserTime;
import org.careledger.common.ui.FieldErrors;
import org.careledger.inbox.Inbox;
import org.careledger.inbox.InboxMessage;

/** The signed-in user's notifications, newest first. */
@Route("inbox")
@PageTitle("Inbox · CareLedger")
@Menu(order = 90, title = "Inbox", icon = "vaadin:envelope")
@PermitAll
class InboxView extends VerticalLayout {

    private final Inbox inbox;
    final Grid<InboxMessage> grid = new Grid<>(InboxMessage.class, false);

    InboxView(Inbox inbox) {
        this.inbox = inbox;
        setId("inbox-view");
        setSizeFull();
        grid.setId("inbox-grid");
        grid.addComponentColumn(this::message).setHeader("Message").setFlexGrow(1);
        grid.addColumn(m -> BrowserTime.format(m.createdAt())).setHeader("Received").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::actions).setAutoWidth(true).setFlexGrow(0);
        Button allRead = new Button("Mark all as read", click -> {
            inbox.markAllRead();
            refresh();
        });
        allRead.setId("inbox-all-read");
        add(new HorizontalLayout(new H2("Inbox"), allRead), grid);
        refresh();
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

    private HorizontalLayout actions(InboxMessage m) {
        HorizontalLayout actions = new HorizontalLayout();
        if (m.link() != null) {
            actions.add(new Button("Open", click -> {
                markRead(m);
                UI.getCurrent().navigate(m.link());
            }));
        }
        if (m.unread()) {
            Button read = new Button("Mark read", click -> {
                markRead(m);
                refresh();
            });
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

    private void refresh() {
        grid.setItems(inbox.mine());
    }
}
