package org.careledger.identity.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.shared.communication.PushMode;
import org.careledger.identity.DemoAccounts;
import org.careledger.identity.internal.AccountNotActiveException;
import org.careledger.identity.internal.SignInFailureHandler;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.web.WebAttributes;

/**
 * Sign-in. Posts to Spring Security's form login. After a failure the message depends on what the
 * server found: one message for every bad-credential case, and the account's status only once the
 * password was correct; the username typed is offered again ({@link SignInFailureHandler}). In the demo profile, and only there, the demo accounts are listed.
 */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · CareLedger")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginForm login = new LoginForm();
    private final Paragraph notice = new Paragraph();
    /** The username put back into the form after a failed sign-in, if any. */
    String offeredUsername;

    LoginView(Environment environment) {
        setId("login-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        notice.setId("login-notice");
        notice.setVisible(false);
        Anchor register = new Anchor("register", "New here? Register as a doctor, patient or pharmacist");
        register.setId("register-link");
        add(new H1("CareLedger"), notice, login, register);
        if (environment.acceptsProfiles(Profiles.of("demo"))) {
            add(createDemoAccounts());
        }
    }

    private Div createDemoAccounts() {
        Div box = new Div(new H4("Demo accounts"));
        box.setId("demo-accounts");
        box.addClassNames("cl-card", "cl-demo-accounts");
        for (DemoAccounts.DemoAccount account : DemoAccounts.ALL) {
            box.add(new Paragraph(account.role().label() + ": " + account.username() + " / " + account.password()));
        }
        box.add(new Paragraph("This is a demo install: its data is made up and its keys are public."));
        return box;
    }

    /**
     * No push on the login page: its push connection would close as the browser leaves the page
     * with the sign-in form, carrying the pre-sign-in session id, and could win a race against the
     * session id change, leaving the browser with a fresh anonymous session.
     */
    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        attachEvent.getUI().getPushConfiguration().setPushMode(PushMode.DISABLED);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var params = event.getLocation().getQueryParameters().getParameters();
        if (params.containsKey("error")) {
            showError(takeFromSession(WebAttributes.AUTHENTICATION_EXCEPTION));
            if (takeFromSession(SignInFailureHandler.LAST_USERNAME) instanceof String username) {
                offerUsername(username);
            }
        } else if (params.containsKey("ended")) {
            showNotice("Your session has ended. Please sign in again.");
        } else if (params.containsKey("logout")) {
            showNotice("You have signed out.");
        }
    }

    private void showError(Object failure) {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        if (failure instanceof AccountNotActiveException notActive) {
            error.setTitle("You cannot sign in yet");
            error.setMessage(notActive.getMessage());
        } else {
            error.setTitle("Sign-in failed");
            error.setMessage("Incorrect username or password, or too many attempts; try again later.");
        }
        login.setI18n(i18n);
        login.setError(true);
    }

    private void showNotice(String text) {
        notice.setText(text);
        notice.setVisible(true);
    }

    /**
     * Puts the username of the failed sign-in back into the form and the cursor into the password
     * field, so only the password is typed again. The form's fields are the web component's own
     * (it has no server-side username), rendered into its light DOM once it is upgraded.
     */
    private void offerUsername(String username) {
        offeredUsername = username;
        login.getElement().executeJs("""
                const form = this;
                let tries = 0;
                const fill = () => {
                  const user = form.querySelector('vaadin-text-field[name="username"]');
                  const password = form.querySelector('vaadin-password-field[name="password"]');
                  if (user && password) {
                    user.value = $0;
                    password.focus();
                  } else if (tries++ < 100) {
                    requestAnimationFrame(fill);
                  }
                };
                fill();
                """, username);
    }

    /** What the sign-in's failure left in the session, taken out so a reload does not show it again. */
    private static Object takeFromSession(String attribute) {
        VaadinSession session = VaadinSession.getCurrent();
        WrappedSession wrapped = session == null ? null : session.getSession();
        if (wrapped == null) {
            return null;
        }
        Object value = wrapped.getAttribute(attribute);
        wrapped.removeAttribute(attribute);
        return value;
    }
}
