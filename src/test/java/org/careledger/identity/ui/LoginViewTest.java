package org.careledger.identity.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinSession;
import org.careledger.identity.internal.SignInFailureHandler;
import org.careledger.ui.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.web.WebAttributes;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The sign-in page after a failure: the one message, and the username typed offered again. */
class LoginViewTest extends KaribuTest {

    @Test
    void afterAFailedSignInTheFormShowsTheErrorAndOffersTheUsernameAgain() {
        VaadinSession.getCurrent().getSession().setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION, new BadCredentialsException("x"));
        VaadinSession.getCurrent().getSession().setAttribute(SignInFailureHandler.LAST_USERNAME, "zoe.obrien@careledger.test");

        UI.getCurrent().navigate("login", QueryParameters.of("error", ""));

        assertThat(_get(LoginForm.class).isError()).isTrue();
        assertThat(_get(LoginView.class).offeredUsername).isEqualTo("zoe.obrien@careledger.test");
        assertThat(VaadinSession.getCurrent().getSession().getAttribute(SignInFailureHandler.LAST_USERNAME))
                .as("offered once, not on every later visit").isNull();
    }

    @Test
    void aFreshSignInPageOffersNoUsername() {
        UI.getCurrent().navigate("login");

        assertThat(_get(LoginForm.class).isError()).isFalse();
        assertThat(_get(LoginView.class).offeredUsername).isNull();
    }
}
