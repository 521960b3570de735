package org.careledger.provider;

/** A healthcare provider as other modules and views see it. */
public record ProviderView(long id, String name, ProviderKind kind, String address) {

    @Override
    public String toString() {
        return name;
    }
}
