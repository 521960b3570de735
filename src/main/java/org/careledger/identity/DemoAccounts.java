package org.careledger.identity;

import java.util.List;

/**
 * The demo install's accounts. The login page lists them, with their passwords, only when the demo
 * profile is active. Each holds the dev genesis account of the same index (Ganache's deterministic
 * accounts 0 to 3).
 */
public final class DemoAccounts {

    public record DemoAccount(String username, String password, Role role, String fullName, int devAccountIndex) {
    }

    public static final DemoAccount ADMIN = new DemoAccount("admin@careledger.test", "demo-admin-pass", Role.ADMIN, "Ada Okafor", 0);
    public static final DemoAccount DOCTOR = new DemoAccount("doctor@careledger.test", "demo-doctor-pass", Role.DOCTOR, "Dr. Jean-Luc Moreau", 1);
    public static final DemoAccount PATIENT = new DemoAccount("patient@careledger.test", "demo-patient-pass", Role.PATIENT, "Zoë O'Brien", 2);
    public static final DemoAccount PHARMACIST = new DemoAccount("pharmacist@careledger.test", "demo-pharmacist-pass", Role.PHARMACIST, "Li Wei", 3);

    public static final List<DemoAccount> ALL = List.of(ADMIN, DOCTOR, PATIENT, PHARMACIST);

    private DemoAccounts() {
    }
}
