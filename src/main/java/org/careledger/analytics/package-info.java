/**
 * Analytics: the hospital's clinical and ledger figures as charts, for admins. Read models fed by the
 * other modules' events and the chain, never recomputed from records on a page view; every count of
 * fewer than 5 distinct patients is suppressed, with complementary suppression over the whole cube of
 * a figure ({@code cube}: plain Java) so that no sum shown gives a hidden count away. The demo's
 * history is Synthea's synthetic cohort, bundled as already-counted cells, in the read model only.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Analytics",
        allowedDependencies = {"common", "identity", "provider", "node", "records", "contracts", "crypto", "ledger"})
package org.careledger.analytics;
