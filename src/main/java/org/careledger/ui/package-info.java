/**
 * The Vaadin shell: the app shell (theme, push), the main layout whose navigation shows each role
 * only what it may open, the role home pages, the access-denied page and the browser's time zone,
 * and the answer on the servlet container's error page for requests that fail outside Vaadin's
 * router ({@code ErrorResponses}). Feature views live in their modules' {@code ui} packages and find
 * the layout through {@code @Layout}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Portal shell",
        allowedDependencies = {"common", "crypto", "identity", "inbox", "provider"})
package org.careledger.ui;
