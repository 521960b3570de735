package bench.hello;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Route;

/** One page at /login, where CareLedger's login page is, so the same script measures both. */
@Route("login")
class LoginView extends VerticalLayout {

    LoginView() {
        TextField name = new TextField("Name");
        add(new H1("Hello"), name, new Button("Say hello", click -> add(new H1("Hello, " + name.getValue()))));
    }
}
