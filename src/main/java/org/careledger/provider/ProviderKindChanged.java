package org.careledger.provider;

/** An admin changed a provider's kind (a hospital is now a pharmacy, or the other way); published in the change's transaction. */
public record ProviderKindChanged(ProviderView provider, ProviderKind from) {
}
