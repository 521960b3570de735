package org.careledger.ui;

import jakarta.annotation.security.PermitAll;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import org.careledger.identity.CurrentUser;

/** The root address sends each user to their role's home. */
@Route("")
@PermitAll
class HomeView extends Div implements BeforeEnterObserver {

    private final CurrentUser currentUser;

    HomeView(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String home = currentUser.profile().map(u -> switch (u.role()) {
            case ADMIN -> "admin";
            case DOCTOR -> "doctor";
            case PATIENT -> "patient";
            case PHARMACIST -> "pharmacist";
        }).orElse("login");
        event.forwardTo(home);
    }
}
