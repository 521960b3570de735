package org.careledger.identity;

/** A user's one role. Its {@link #name()} is the matching {@link AppRoles} constant. */
public enum Role {
    ADMIN(AppRoles.ADMIN, "Administrator"),
    DOCTOR(AppRoles.DOCTOR, "Doctor"),
    PATIENT(AppRoles.PATIENT, "Patient"),
    PHARMACIST(AppRoles.PHARMACIST, "Pharmacist");

    private final String roleName;
    private final String label;

    Role(String roleName, String label) {
        this.roleName = roleName;
        this.label = label;
    }

    /** The Spring Security authority, {@code ROLE_} and the name. */
    public String authority() {
        return "ROLE_" + roleName;
    }

    public String label() {
        return label;
    }

    /** Staff roles are the ones an admin may switch between; a patient is never made staff. */
    public boolean isStaff() {
        return this != PATIENT;
    }
}
