/**
 * The Vaadin shell: the app shell (theme, push), the main layout whose navigation shows each role
 * only what it may open, the role home pages, the access-denied page and the browser's time zone.
 * Feature views live in their modules' {@code ui} packages and find the layout through {@code @Layout}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Portal shell",
        allowedDependencies = {"common", "crypto", "identity", "inbox", "provider"})
package org.careledger.ui;
