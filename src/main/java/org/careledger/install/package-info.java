/**
 * The install: where a CareLedger server keeps its data ({@code chain-data/} by default), the
 * master key that protects every key held in custody, and the start-up checks that refuse to run
 * a production install that was not told these things.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Install",
        allowedDependencies = {"crypto"})
package org.careledger.install;
