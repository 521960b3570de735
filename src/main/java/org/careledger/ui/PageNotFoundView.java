package org.careledger.ui;

import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.ParentLayout;

/**
 * Shown, inside the portal's frame with its menu, for an address the portal does not have (a
 * mistyped link, a bookmark of a page that moved): says so in plain words, names nothing of the
 * router's internals, and leads back home. Answers 404.
 */
@PageTitle("Page not found · CareLedger")
@PermitAll
@ParentLayout(MainLayout.class)
class PageNotFoundView extends VerticalLayout implements HasErrorParameter<NotFoundException> {

    private final Paragraph address = new Paragraph();

    PageNotFoundView() {
        setId("page-not-found");
        address.setId("not-found-address");
        add(new H2("Page not found"), address,
                new Paragraph("Check the address for a typing mistake, or use the menu to find the page you wanted."),
                new Anchor("", "Go to your home page"));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        String path = event.getLocation().getPath();
        address.setText(path.isBlank() ? "This page does not exist."
                : "There is no page at “/" + SafeText.clip(path, 120) + "”.");
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
