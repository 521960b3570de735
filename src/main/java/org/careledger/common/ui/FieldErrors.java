package org.careledger.common.ui;

import java.util.LinkedHashMap;
import java.util.Map;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import org.careledger.common.InvalidInputException;

/**
 * Shows a service's {@link InvalidInputException} next to the fields it names. A message for a field
 * the form does not have is shown as a notification, so nothing the server said is lost.
 */
public final class FieldErrors {

    private final Map<String, HasValidation> fields = new LinkedHashMap<>();

    public FieldErrors bind(String name, HasValidation field) {
        fields.put(name, field);
        return this;
    }

    public void clear() {
        fields.values().forEach(f -> {
            f.setInvalid(false);
            f.setErrorMessage(null);
        });
    }

    public void show(InvalidInputException e) {
        clear();
        e.fieldErrors().forEach((name, message) -> {
            HasValidation field = fields.get(name);
            if (field != null) {
                field.setErrorMessage(message);
                field.setInvalid(true);
            } else {
                Notifications.error(message);
            }
        });
    }

    /** Short notifications in one style across the portal. */
    public static final class Notifications {

        private Notifications() {
        }

        public static void error(String message) {
            Notification n = Notification.show(message, 6000, Notification.Position.TOP_CENTER);
            n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        }

        public static void success(String message) {
            Notification n = Notification.show(message, 4000, Notification.Position.TOP_CENTER);
            n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        }
    }
}
