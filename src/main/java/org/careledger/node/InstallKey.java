package org.careledger.node;

/**
 * The keys the install itself holds for the ledger, besides its users' keys in custody: the home
 * node's sealer key (it registers users the chain does not know yet, as the registry contract lets
 * sealers do) and the treasury's (it funds new users).
 */
public enum InstallKey {
    HOME_SEALER,
    TREASURY
}
