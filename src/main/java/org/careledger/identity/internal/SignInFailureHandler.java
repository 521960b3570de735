package org.careledger.identity.internal;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * After a failed sign-in, back to the sign-in page ({@code /login?error}) as before, with the
 * username the person typed kept in their session, so the page offers it again and only the
 * password is retyped. The username never goes into the address, where browser history, proxies
 * and logs would keep it. The session already exists (Vaadin's page made it) and keeps its id: only
 * a successful sign-in changes it.
 */
public final class SignInFailureHandler extends SimpleUrlAuthenticationFailureHandler {

    /** The session attribute holding the username of the last failed sign-in; the sign-in page takes it out. */
    public static final String LAST_USERNAME = SignInFailureHandler.class.getName() + ".username";

    /** Longer than any username the portal keeps (an email address has at most 254 characters). */
    private static final int MAX_KEPT = 254;

    SignInFailureHandler(String failureUrl) {
        super(failureUrl);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException, ServletException {
        String typed = request.getParameter("username");
        if (typed != null && !typed.isBlank()) {
            String kept = typed.strip();
            request.getSession().setAttribute(LAST_USERNAME, kept.length() > MAX_KEPT ? kept.substring(0, MAX_KEPT) : kept);
        }
        super.onAuthenticationFailure(request, response, exception);
    }
}
