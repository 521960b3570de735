package org.careledger.identity;

/**
 * The four roles' names as Spring Security and {@code @RolesAllowed} spell them. One user has
 * exactly one role; {@link Role} is the typed form.
 */
public final class AppRoles {

    public static final String ADMIN = "ADMIN";
    public static final String DOCTOR = "DOCTOR";
    public static final String PATIENT = "PATIENT";
    public static final String PHARMACIST = "PHARMACIST";

    private AppRoles() {
    }
}
