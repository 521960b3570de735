/**
 * Healthcare providers: the hospitals and pharmacies that belong to the consortium. Admins manage
 * them; doctors and pharmacists register with one; each runs a ledger node.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Providers",
        allowedDependencies = {"common"})
package org.careledger.provider;
