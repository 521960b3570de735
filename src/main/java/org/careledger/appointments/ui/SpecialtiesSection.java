package org.careledger.appointments.ui;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import org.careledger.appointments.ProviderTerms;
import org.careledger.common.ui.FieldErrors;
import org.careledger.common.ui.ResponsiveGrid;
import org.careledger.common.ui.ServiceCalls;
import org.careledger.identity.AccountAdministration;
import org.careledger.identity.Role;
import org.careledger.identity.UserDirectory;
import org.careledger.identity.UserProfile;

/** The active doctors' specialties, which patients search by when they book; each edited in its row. */
class SpecialtiesSection extends VerticalLayout {

    private final AccountAdministration accounts;
    private final UserDirectory users;
    final ResponsiveGrid<UserProfile> doctors = new ResponsiveGrid<>();
    private Map<Long, String> hospitals = Map.of();

    SpecialtiesSection(AccountAdministration accounts, UserDirectory users) {
        this.accounts = accounts;
        this.users = users;
        setId("specialties-section");
        setPadding(false);
        doctors.setId("specialties-grid");
        doctors.text("Doctor", UserProfile::fullName);
        doctors.text("Hospital", d -> d.providerId() == null ? "" : hospitals.getOrDefault(d.providerId(), ""));
        doctors.component("Specialty", this::editor);
        doctors.setEmptyStateText("No active doctors.");
        doctors.setAllRowsVisible(true);
        add(new H3("Doctors' specialties"), new Paragraph("Patients find doctors by name, specialty or hospital. A specialty is one "
                + "line, such as Cardiology; blank clears it."), doctors);
    }

    /** Lists the active doctors, naming their hospitals from {@code terms}. */
    void show(List<ProviderTerms> terms) {
        hospitals = terms.stream().collect(Collectors.toMap(ProviderTerms::providerId, ProviderTerms::providerName, (a, b) -> a));
        doctors.setItems(users.activeProfilesWithRole(Role.DOCTOR).stream()
                .sorted(Comparator.comparing(UserProfile::fullName, String.CASE_INSENSITIVE_ORDER)).toList());
    }

    private Component editor(UserProfile d) {
        TextField specialty = new TextField();
        specialty.setId("specialty-" + d.id().value());
        specialty.setAriaLabel("Specialty of " + d.fullName());
        specialty.setValue(d.specialty() == null ? "" : d.specialty());
        specialty.setMaxLength(80);
        specialty.setPlaceholder("Cardiology");
        FieldErrors errors = new FieldErrors().bind("specialty", specialty);
        Button save = new Button("Save", e -> {
            if (ServiceCalls.attempt(() -> accounts.setSpecialty(d.id(), specialty.getValue()), errors)) {
                FieldErrors.Notifications.success(specialty.getValue().isBlank() ? d.fullName() + " has no specialty now"
                        : d.fullName() + "'s specialty is " + specialty.getValue().strip());
            }
        });
        save.setId("specialty-save-" + d.id().value());
        save.addThemeVariants(ButtonVariant.LUMO_SMALL);
        specialty.setWidth("min(16em, 100%)");
        HorizontalLayout cell = new HorizontalLayout(specialty, save);
        cell.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        cell.getStyle().set("flex-wrap", "wrap");
        return cell;
    }
}
