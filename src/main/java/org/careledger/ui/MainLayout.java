package org.careledger.ui;

import java.util.Optional;

import jakarta.annotation.security.PermitAll;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.careledger.common.ui.BrowserTime;
import org.careledger.identity.AccountSelfService;
import org.careledger.identity.CurrentUser;
import org.careledger.identity.UserProfile;
import org.careledger.inbox.Inbox;
import org.careledger.inbox.InboxBroadcaster;

/**
 * The portal's frame: a side navigation built from the views the signed-in user may open (each
 * view's {@code @Menu} and access annotation decide), the user's name and role, the inbox with its
 * live unread count, and sign-out. A user whose password was reset is sent to choose a new one first.
 */
@Layout
@PermitAll
class MainLayout extends AppLayout implements BeforeEnterObserver {

    static final String CHANGE_PASSWORD_ROUTE = "account/password";

    private final AuthenticationContext authentication;
    private final AccountSelfService selfService;
    private final Inbox inbox;
    private final InboxBroadcaster broadcaster;
    private final Optional<UserProfile> user;
    private final Span unreadBadge = new Span();
    private Runnable unsubscribe = () -> { };
    private boolean mayNeedNewPassword = true;

    MainLayout(AuthenticationContext authentication, CurrentUser currentUser, AccountSelfService selfService,
               Inbox inbox, InboxBroadcaster broadcaster) {
        this.authentication = authentication;
        this.selfService = selfService;
        this.inbox = inbox;
        this.broadcaster = broadcaster;
        this.user = currentUser.profile();
        setPrimarySection(Section.DRAWER);
        addToNavbar(true, new DrawerToggle(), createUserBar());
        addToDrawer(createBrand(), createDrawerUser(), createNavigation());
    }

    /** Who is signed in, in the drawer: the one place a phone has room to say it in full. */
    private Div createDrawerUser() {
        Div who = new Div();
        who.setId("drawer-user");
        who.addClassName("cl-drawer-user");
        user.ifPresent(u -> {
            Span name = new Span(u.fullName());
            name.addClassName("cl-drawer-user-name");
            who.add(name, new Span(u.role().label()));
        });
        return who;
    }

    private Span createBrand() {
        Span brand = new Span("CareLedger");
        brand.addClassName("cl-brand");
        brand.getStyle().set("padding", "var(--lumo-space-m)").set("font-size", "var(--lumo-font-size-xl)");
        return brand;
    }

    private SideNav createNavigation() {
        SideNav nav = new SideNav();
        nav.setId("main-nav");
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            SideNavItem item = new SideNavItem(entry.title(), entry.path());
            if (entry.icon() != null && !entry.icon().isBlank()) {
                item.setPrefixComponent(new Icon(entry.icon()));
            }
            nav.addItem(item);
        }
        return nav;
    }

    private HorizontalLayout createUserBar() {
        Span who = new Span(user.map(u -> u.fullName() + " · " + u.role().label()).orElse(""));
        who.setId("current-user");
        // on a phone the name would wrap onto three lines: the drawer says who is signed in instead
        who.addClassName("cl-wide-only");
        who.addClassName("cl-current-user");

        unreadBadge.addClassName("cl-badge-count");
        unreadBadge.setId("inbox-unread");
        Button inboxButton = new Button(new Icon(VaadinIcon.BELL), click -> UI.getCurrent().navigate("inbox"));
        inboxButton.setId("inbox-button");
        inboxButton.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        inboxButton.setAriaLabel("Inbox");
        inboxButton.setSuffixComponent(unreadBadge);

        Button account = new Button(new Icon(VaadinIcon.KEY), click -> UI.getCurrent().navigate(CHANGE_PASSWORD_ROUTE));
        account.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        account.setAriaLabel("Change password");
        account.setTooltipText("Change password");

        Button logout = new Button(new Icon(VaadinIcon.SIGN_OUT), click -> authentication.logout());
        Span logoutLabel = new Span("Sign out");
        logoutLabel.addClassName("cl-wide-only");
        logout.setSuffixComponent(logoutLabel);
        logout.setAriaLabel("Sign out");
        logout.setId("logout");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        HorizontalLayout bar = new HorizontalLayout(who, inboxButton, account, logout);
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.setSpacing(false);
        bar.addClassName("cl-user-bar");
        return bar;
    }

    /**
     * Until the account is known not to need a new password, each navigation asks; once it is known,
     * no navigation reads the database for it again. That holds for the life of this UI: a password
     * reset ends all of the user's sessions, so it can never be set while this UI lives.
     */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!mayNeedNewPassword || CHANGE_PASSWORD_ROUTE.equals(event.getLocation().getPath())) {
            return;
        }
        mayNeedNewPassword = selfService.mustChangePassword();
        if (mayNeedNewPassword) {
            event.rerouteTo(CHANGE_PASSWORD_ROUTE);
        }
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        UI ui = attachEvent.getUI();
        BrowserTime.capture(ui);
        showUnread(inbox.myUnreadCount());
        user.ifPresent(u -> unsubscribe = broadcaster.subscribe(u.id(), count -> ui.access(() -> showUnread(count))));
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        unsubscribe.run();
        super.onDetach(detachEvent);
    }

    private void showUnread(long count) {
        unreadBadge.setText(count > 99 ? "99+" : Long.toString(count));
        unreadBadge.setVisible(count > 0);
    }
}
