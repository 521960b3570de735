/**
 * Identity: accounts, roles, self-registration and the admins' approval, sign-in with lockout, and
 * custody of each approved user's ledger key (a secp256k1 key pair whose EIP-55 address is the
 * user's identity on the ledger). Other modules read users through {@link org.careledger.identity.UserDirectory}
 * and {@link org.careledger.identity.CurrentUser}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity",
        allowedDependencies = {"common", "crypto", "install", "provider"})
package org.careledger.identity;
