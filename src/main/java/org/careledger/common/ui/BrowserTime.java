package org.careledger.common.ui;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;

/**
 * Shows times in the browser's time zone. The zone is read once per session from the browser and
 * kept in the session; until it arrives, UTC is used and said.
 */
public final class BrowserTime {

    private static final String ZONE = BrowserTime.class.getName() + ".zone";
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
            .withLocale(Locale.UK);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(Locale.UK);

    private BrowserTime() {
    }

    /** Asks the browser for its time zone; called once when a UI starts. */
    public static void capture(UI ui) {
        ui.getPage().retrieveExtendedClientDetails(details -> {
            try {
                ui.getSession().setAttribute(ZONE, ZoneId.of(details.getTimeZoneId()));
            } catch (RuntimeException unknownZone) {
                ui.getSession().setAttribute(ZONE, ZoneId.of("UTC"));
            }
        });
    }

    public static ZoneId zone() {
        VaadinSession session = VaadinSession.getCurrent();
        Object zone = session == null ? null : session.getAttribute(ZONE);
        return zone instanceof ZoneId z ? z : ZoneId.of("UTC");
    }

    public static String format(Instant instant) {
        if (instant == null) {
            return "";
        }
        ZoneId zone = zone();
        String text = DATE_TIME.format(instant.atZone(zone));
        return "UTC".equals(zone.getId()) ? text + " UTC" : text;
    }

    public static String format(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }
}
