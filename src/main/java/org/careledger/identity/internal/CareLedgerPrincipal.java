package org.careledger.identity.internal;

import java.io.Serial;
import java.io.Serializable;
import java.security.Principal;
import java.util.Locale;

import org.careledger.identity.Role;
import org.careledger.identity.UserId;

/**
 * Who is signed in. Equal by username, so Spring Security's session registry finds every session
 * of one user.
 */
public record CareLedgerPrincipal(long userId, String username, String fullName, Role role)
        implements Principal, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public UserId id() {
        return new UserId(userId);
    }

    @Override
    public String getName() {
        return username;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CareLedgerPrincipal other && username.equalsIgnoreCase(other.username);
    }

    @Override
    public int hashCode() {
        return username.toLowerCase(Locale.ROOT).hashCode();
    }

    @Override
    public String toString() {
        return username;
    }
}
