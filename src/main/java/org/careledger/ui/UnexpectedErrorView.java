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
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.ParentLayout;
import org.careledger.common.InvalidInputException;
import org.careledger.common.NotFoundException;
import org.careledger.common.OperationNotAllowedException;
import org.springframework.security.access.AccessDeniedException;

/**
 * Shown when opening a page fails. A failure a service explained to a person (what was asked for
 * does not exist, is not allowed, or was not valid) shows that explanation. Anything else is
 * unexpected: an incident code to quote to the administrator (the cause is in the log under that
 * code), nothing of the stack, and a way back. Answers 404, 403, 400 or 500 accordingly.
 */
@PageTitle("Something went wrong · CareLedger")
@PermitAll
@ParentLayout(MainLayout.class)
class UnexpectedErrorView extends VerticalLayout implements HasErrorParameter<Exception> {

    private final H2 title = new H2("Something went wrong");
    private final Paragraph explanation = new Paragraph();

    UnexpectedErrorView() {
        setId("unexpected-error");
        explanation.setId("incident");
        add(title, explanation, new Anchor("", "Go to your home page"));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        Exception failure = parameter.getCaughtException();
        if (failure instanceof NotFoundException) {
            return explained("Not found", failure, HttpServletResponse.SC_NOT_FOUND);
        }
        if (failure instanceof OperationNotAllowedException) {
            return explained("Not allowed", failure, HttpServletResponse.SC_FORBIDDEN);
        }
        if (failure instanceof AccessDeniedException) {
            explained("Access denied", failure, HttpServletResponse.SC_FORBIDDEN);
            explanation.setText(UnexpectedErrors.NOT_ALLOWED);
            return HttpServletResponse.SC_FORBIDDEN;
        }
        if (failure instanceof InvalidInputException) {
            return explained("This address is not valid", failure, HttpServletResponse.SC_BAD_REQUEST);
        }
        String code = Incidents.record("opening /" + SafeText.clip(event.getLocation().getPath(), 200), failure);
        explanation.setText(Incidents.sentence(code));
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }

    private int explained(String heading, Exception failure, int status) {
        setId("page-problem");
        title.setText(heading);
        explanation.setText(failure.getMessage());
        return status;
    }
}
