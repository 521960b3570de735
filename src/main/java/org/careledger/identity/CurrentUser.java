package org.careledger.identity;

import java.util.Optional;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The signed-in user of the current request or UI, read from Spring Security's context. */
@Component
public class CurrentUser {

    private final UserDirectory directory;

    CurrentUser(UserDirectory directory) {
        this.directory = directory;
    }

    public Optional<String> username() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return Optional.of(auth.getName());
    }

    public Optional<UserProfile> profile() {
        return username().flatMap(directory::findByUsername);
    }

    /** The signed-in user's profile; throws if nobody is signed in. */
    public UserProfile require() {
        return profile().orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("Sign in first"));
    }
}
