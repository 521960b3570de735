package org.careledger.ui;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import org.careledger.common.NotFoundException;
import org.careledger.identity.AppRoles;

/**
 * A page that fails as a bug would (or as a service refusing a missing item does), for the tests of
 * what a person sees then. Exists on the test classpath only; admins only, so a browser test never lands on it.
 */
@Route("test-only/broken")
@RolesAllowed(AppRoles.ADMIN)
class BrokenPageForTests extends Div implements BeforeEnterObserver {

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (event.getLocation().getQueryParameters().getParameters().containsKey("missing")) {
            throw new NotFoundException("There is no patient with that address.");
        }
        throw new IllegalStateException("secret internal detail at com.example.Internal.method(Internal.java:42)");
    }
}
