package org.careledger.ui;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.PWA;
import com.vaadin.flow.theme.Theme;
import com.vaadin.flow.component.page.Meta;

/** Theme and server push (the inbox updates live) for every page. */
@Push
@Theme("careledger")
@Meta(name = "referrer", content = "same-origin")
@PWA(name = "CareLedger", shortName = "CareLedger", offline = false)
class AppShell implements AppShellConfigurator {
}
