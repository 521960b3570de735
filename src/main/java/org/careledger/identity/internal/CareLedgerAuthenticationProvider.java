package org.careledger.identity.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.careledger.identity.AccountStatus;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks a username and password. An unknown user, a wrong password and a locked username all get
 * the same message (and an unknown user costs the same hashing time); only after a correct password
 * does a pending, rejected or disabled account learn its status.
 * <p>
 * Failures are throttled per username and client ({@link LoginThrottle}); the client is the remote
 * address in Spring Security's {@link WebAuthenticationDetails}, which form login fills in from the
 * request: the peer's address, or the client a trusted proxy names ({@link TrustedProxies}). No
 * transaction spans a sign-in: the throttle and the security log write in their own, and no database
 * connection is held while the password is hashed.
 */
@Component
class CareLedgerAuthenticationProvider implements AuthenticationProvider {

    static final String BAD_CREDENTIALS = "Incorrect username or password, or too many attempts; try again later.";

    private final UserAccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final LoginThrottle throttle;
    private final SecurityEvents securityLog;
    private final String dummyHash;

    CareLedgerAuthenticationProvider(UserAccountRepository accounts, PasswordEncoder passwordEncoder,
                                     LoginThrottle throttle, SecurityEvents securityLog) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.throttle = throttle;
        this.securityLog = securityLog;
        this.dummyHash = passwordEncoder.encode("careledger-timing-equaliser");
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName() == null ? "" : authentication.getName().strip().toLowerCase(Locale.ROOT);
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        String client = clientOf(authentication);
        if (throttle.lockedFor(username, client).isPresent()) {
            securityLog.recordFrom(client, "LOGIN", username, "refused: locked");
            throw new BadCredentialsException(BAD_CREDENTIALS);
        }
        Optional<UserAccount> found = accounts.findByUsernameIgnoreCase(username);
        String hash = found.map(UserAccount::getPasswordHash).orElse(dummyHash);
        if (!passwordEncoder.matches(password, hash) || found.isEmpty()) {
            boolean locked = throttle.recordFailure(username, client);
            securityLog.recordFrom(client, "LOGIN", username, locked ? "failure: now locked" : "failure");
            if (locked) {
                // a lockout is a kind of its own in the admins' event list, beside the failure that caused it
                securityLog.recordFrom(client, "LOCK", username, "this client refused after repeated failures");
            }
            throw new BadCredentialsException(BAD_CREDENTIALS);
        }
        throttle.recordSuccess(username, client);
        UserAccount account = found.get();
        if (account.getStatus() != AccountStatus.ACTIVE) {
            securityLog.recordFrom(client, "LOGIN", username, "refused: " + account.getStatus());
            throw new AccountNotActiveException(statusMessage(account));
        }
        securityLog.recordFrom(client, "LOGIN", username, "success");
        CareLedgerPrincipal principal = new CareLedgerPrincipal(account.getId(), account.getUsername(),
                account.getFullName(), account.getRole());
        return UsernamePasswordAuthenticationToken.authenticated(principal, null,
                List.of(new SimpleGrantedAuthority(account.getRole().authority())));
    }

    /** The client's address as form login recorded it; a sign-in from elsewhere counts as one unknown client. */
    private static String clientOf(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
    }

    static String statusMessage(UserAccount account) {
        return switch (account.getStatus()) {
            case PENDING -> "Your registration is waiting for an administrator's approval. You can sign in once it is approved.";
            case REJECTED -> "Your registration was not approved. Reason given: " + account.getStatusReason();
            case DISABLED -> "This account has been disabled. Please contact your administrator.";
            case ACTIVE -> "";
        };
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
