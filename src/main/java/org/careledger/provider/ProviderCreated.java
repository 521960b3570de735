package org.careledger.provider;

/** A provider joined the consortium (an admin added it, or the demo seeded it); published in its transaction. */
public record ProviderCreated(ProviderView provider) {
}
