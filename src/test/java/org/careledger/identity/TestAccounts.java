package org.careledger.identity;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.careledger.provider.ProviderKind;
import org.careledger.provider.Providers;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.context.ApplicationContext;

/**
 * Test helper for integration tests: fresh accounts with unique emails (so tests sharing one Spring
 * context never depend on each other), and signing in by setting Spring Security's context.
 * Built from the shared context ({@code new TestAccounts(ctx)}), not registered as a bean, so no
 * test changes the context's configuration and Spring keeps one context for all.
 */
public final class TestAccounts {

    public static final String PASSWORD = "sturdy-test-passphrase";

    private final RegistrationService registration;
    private final AccountAdministration administration;
    private final Providers providers;
    private final UserDirectory directory;

    public TestAccounts(ApplicationContext ctx) {
        this.registration = ctx.getBean(RegistrationService.class);
        this.administration = ctx.getBean(AccountAdministration.class);
        this.providers = ctx.getBean(Providers.class);
        this.directory = ctx.getBean(UserDirectory.class);
    }

    /** A unique address such as {@code patient-3f2a...@test.careledger.org}. */
    public static String uniqueEmail(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "@test.careledger.org";
    }

    /** A unique name of letters only (names may not hold digits). */
    public static String uniqueName(String first) {
        StringBuilder last = new StringBuilder();
        for (char c : UUID.randomUUID().toString().replace("-", "").substring(0, 10).toCharArray()) {
            last.append((char) ('a' + Character.digit(c, 16)));
        }
        return first + " " + Character.toUpperCase(last.charAt(0)) + last.substring(1);
    }

    public long hospitalId() {
        return providers.ofKind(ProviderKind.HOSPITAL).get(0).id();
    }

    public long pharmacyId() {
        return providers.ofKind(ProviderKind.PHARMACY).get(0).id();
    }

    public static RegistrationRequest patient(String email, String name) {
        return new RegistrationRequest(Role.PATIENT, name, "+44 7700 900123", email, LocalDate.of(1990, 5, 17),
                "4 Elm Close, Cambridge", null, null, "Bupa", "BUP-1234-5678", PASSWORD);
    }

    public RegistrationRequest doctor(String email, String name) {
        return new RegistrationRequest(Role.DOCTOR, name, "+44 7700 900124", email, LocalDate.of(1980, 1, 2),
                "1 Hospital Lane, Cambridge", "GMC-123/4", hospitalId(), null, null, PASSWORD);
    }

    public RegistrationRequest pharmacist(String email, String name) {
        return new RegistrationRequest(Role.PHARMACIST, name, "+44 7700 900125", email, null, null,
                "GPHC-98765", pharmacyId(), null, null, PASSWORD);
    }

    /** Registers; the account is PENDING. */
    public UserProfile registered(RegistrationRequest request) {
        UserId id = registration.register(request).orElseThrow(() -> new IllegalStateException(request.email() + " exists already"));
        return directory.find(id).orElseThrow();
    }

    public UserProfile pending(Role role) {
        String email = uniqueEmail(role.name().toLowerCase());
        String name = uniqueName("Test");
        return registered(switch (role) {
            case PATIENT -> patient(email, name);
            case DOCTOR -> doctor(email, name);
            case PHARMACIST -> pharmacist(email, name);
            case ADMIN -> throw new IllegalArgumentException("admins are not registered");
        });
    }

    /** Registers and approves (as the demo admin); the account is ACTIVE with a ledger address. */
    public UserProfile active(Role role) {
        UserProfile pending = pending(role);
        return asAdmin(() -> administration.approve(pending.id()));
    }

    /** Runs {@code action} signed in as the demo admin, then restores the previous security context. */
    public <T> T asAdmin(java.util.function.Supplier<T> action) {
        return as(DemoAccounts.ADMIN.username(), Role.ADMIN, action);
    }

    /** Runs {@code action} signed in as {@code user}, then restores the previous security context. */
    public static <T> T as(UserProfile user, java.util.function.Supplier<T> action) {
        return as(user.username(), user.role(), action);
    }

    public static <T> T as(String username, Role role, java.util.function.Supplier<T> action) {
        SecurityContext previous = SecurityContextHolder.getContext();
        signIn(username, role);
        try {
            return action.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /** Sets an authenticated token for {@code username} with the role's authority. */
    public static void signIn(String username, Role role) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null,
                List.of(new SimpleGrantedAuthority(role.authority()))));
        SecurityContextHolder.setContext(context);
    }

    public static void signOut() {
        SecurityContextHolder.clearContext();
    }
}
