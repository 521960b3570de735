/**
 * What every feature module shares: the typed exceptions through which a service tells a person
 * why it cannot do what was asked, the clock, and the rule for single-line text. Depends on nothing
 * else in CareLedger.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Common", type = org.springframework.modulith.ApplicationModule.Type.OPEN,
        allowedDependencies = {})
package org.careledger.common;
