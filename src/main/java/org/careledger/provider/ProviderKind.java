package org.careledger.provider;

/** What a healthcare provider is: a hospital employs doctors, a pharmacy employs pharmacists. */
public enum ProviderKind {
    HOSPITAL("Hospital"),
    PHARMACY("Pharmacy");

    private final String label;

    ProviderKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
