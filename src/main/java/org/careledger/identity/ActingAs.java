package org.careledger.identity;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs code on a background thread as a given user, for the demo seeders, which act for each demo
 * user through the same services (and so the same method security) as that user's own clicks. Never
 * used on a request thread.
 */
public final class ActingAs {

    private ActingAs() {
    }

    /** Runs {@code action} signed in as {@code user}, then restores the previous security context. */
    public static <T> T user(UserProfile user, Supplier<T> action) {
        return user(user.username(), user.role(), action);
    }

    /** Runs {@code action} signed in as {@code username} with {@code role}, then restores the previous security context. */
    public static <T> T user(String username, Role role, Supplier<T> action) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null,
                List.of(new SimpleGrantedAuthority(role.authority()))));
        SecurityContextHolder.setContext(context);
        try {
            return action.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
