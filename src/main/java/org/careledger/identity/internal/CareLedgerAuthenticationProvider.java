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
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks a username and password. An unknown user, a wrong password and a locked username all get
 * the same message (and an unknown user costs the same hashing time); only after a correct password
 * does a pending, rejected or disabled account learn its status.
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
    @Transactional(readOnly = true)
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName() == null ? "" : authentication.getName().strip().toLowerCase(Locale.ROOT);
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        if (throttle.lockedFor(username).isPresent()) {
            securityLog.record("LOGIN", username, "refused: locked");
            throw new BadCredentialsException(BAD_CREDENTIALS);
        }
        Optional<UserAccount> found = accounts.findByUsernameIgnoreCase(username);
        String hash = found.map(UserAccount::getPasswordHash).orElse(dummyHash);
        if (!passwordEncoder.matches(password, hash) || found.isEmpty()) {
            boolean locked = throttle.recordFailure(username);
            securityLog.record("LOGIN", username, locked ? "failure: now locked" : "failure");
            throw new BadCredentialsException(BAD_CREDENTIALS);
        }
        throttle.recordSuccess(username);
        UserAccount account = found.get();
        if (account.getStatus() != AccountStatus.ACTIVE) {
            securityLog.record("LOGIN", username, "refused: " + account.getStatus());
            throw new AccountNotActiveException(statusMessage(account));
        }
        securityLog.record("LOGIN", username, "success");
        CareLedgerPrincipal principal = new CareLedgerPrincipal(account.getId(), account.getUsername(),
                account.getFullName(), account.getRole());
        return UsernamePasswordAuthenticationToken.authenticated(principal, null,
                List.of(new SimpleGrantedAuthority(account.getRole().authority())));
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
