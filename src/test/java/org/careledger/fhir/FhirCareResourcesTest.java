package org.careledger.fhir;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.careledger.appointments.AppointmentState;
import org.careledger.appointments.AppointmentView;
import org.careledger.common.TokenAmount;
import org.careledger.contracts.InvoiceState;
import org.careledger.contracts.Purpose;
import org.careledger.contracts.RecordCategory;
import org.careledger.crypto.Address;
import org.careledger.fhir.internal.AnchorFacts;
import org.careledger.fhir.internal.Codes;
import org.careledger.fhir.internal.Fhir;
import org.careledger.fhir.internal.RecordBundle;
import org.careledger.identity.UserId;
import org.careledger.ledger.Hash;
import org.careledger.pharmacy.FillView;
import org.careledger.pharmacy.PrescriptionView;
import org.careledger.pharmacy.RxState;
import org.careledger.records.AccessEventView;
import org.careledger.records.EntryId;
import org.careledger.records.GrantId;
import org.careledger.records.GrantView;
import org.careledger.records.Party;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Invoice;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the export makes of a prescription with its dispensing and invoice, an appointment, a revoked
 * grant and an emergency read, as the pharmacy, appointments and records modules show them: valid R4,
 * with the states and the DICOM emergency code a receiver reads, and the prescription, the dispensing
 * and the appointment each with the ledger anchor of its own transaction. Without Spring: these are the
 * modules' own view records, built here as their services return them.
 */
class FhirCareResourcesTest {

    private static final Instant T = Instant.parse("2026-11-02T09:30:00Z");
    private static final Address PATIENT = Address.parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
    private static final Address DOCTOR = Address.parse("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359");

    @Test
    void prescriptionsDispensingsInvoicesAppointmentsRevokedGrantsAndEmergencyReadsAreValidR4WithTheirOwnAnchors() {
        RecordBundle builder = new RecordBundle(T);
        builder.patient(new Party(PATIENT, "Zoë O'Brien", "Patient", null, null), null);
        Hash invoice = Hash.sha256("invoice".getBytes());
        FillView fill = new FillView("fill-1", invoice, 30, TokenAmount.ofTokens(1), TokenAmount.ofTokens(30), "B-42", LocalDate.of(2027, 6, 1),
                "Riverside Pharmacy", "Li Wei", T.plusSeconds(3600), 120L, null, InvoiceState.PAID, 121L, null, null);
        builder.prescription(new PrescriptionView("rx-1", Hash.sha256("rx".getBytes()), "860975", "Metformin 500 mg", "Zoë O'Brien", PATIENT,
                "Dr. Jean-Luc Moreau", RxState.PARTIALLY_DISPENSED, T, 100L, T.plusSeconds(86400 * 30), 30, 1, 60, 30, 30, null,
                List.of(fill), List.of("Riverside Pharmacy"), null, null), FhirCareResourcesTest::minedIn100);
        builder.appointment(new AppointmentView("ap-1", BOOKING.hex(), new UserId(2), "Zoë O'Brien", PATIENT.toString(), new UserId(1),
                "Dr. Jean-Luc Moreau", "Cardiology", "St Mary's Hospital", T.plusSeconds(7200), T.plusSeconds(9000), ZoneId.of("UTC"),
                5_000_000, AppointmentState.CONFIRMED, 130L, "Blood pressure review", null, null, null, null, false, false, false, false,
                false), minedIn100(BOOKING));
        Party doctor = new Party(DOCTOR, "Dr. Jean-Luc Moreau", "Doctor", "St Mary's Hospital", "GMC-123/4");
        builder.grant(new GrantView(new GrantId(Hash.sha256("grant".getBytes())), new Party(PATIENT, "Zoë O'Brien", "Patient", null, null),
                doctor, Purpose.TREATMENT, Set.of(RecordCategory.DIAGNOSIS, RecordCategory.ALLERGY), T, T.plusSeconds(86400), false, null));
        builder.read(new AccessEventView(T, doctor, new EntryId("8f0e7c2a-1d6b-4a53-9a2e-3c1b5d7e9f01"), "Penicillin", RecordCategory.ALLERGY,
                "Emergency", Hash.sha256("emergency".getBytes()), null, T.plusSeconds(2), Hash.sha256("tx".getBytes())), null);
        String json = Fhir.json(builder.build());

        assertThat(FhirValidation.validate(json).errors()).isEmpty();
        Bundle bundle = Fhir.context().newJsonParser().parseResource(Bundle.class, json);
        assertThat(anchorTransaction(only(bundle, MedicationRequest.class).get(0))).as("the issuing transaction")
                .isEqualTo(Hash.sha256("rx".getBytes()).hex());
        assertThat(anchorTransaction(only(bundle, MedicationDispense.class).get(0))).as("the dispensing transaction").isEqualTo(invoice.hex());
        assertThat(anchorTransaction(only(bundle, Appointment.class).get(0))).as("the booking transaction").isEqualTo(BOOKING.hex());
        assertThat(only(bundle, Appointment.class).get(0).getMeta().getExtensionByUrl(Codes.ANCHOR).getExtensionByUrl("blockHeight")
                .getValue().primitiveValue()).isEqualTo("100");
        assertThat(only(bundle, MedicationRequest.class)).singleElement().satisfies(r -> {
            assertThat(r.getStatus()).isEqualTo(MedicationRequest.MedicationRequestStatus.ACTIVE);
            assertThat(r.getMedicationCodeableConcept().getCodingFirstRep().getCode()).isEqualTo("860975");
            assertThat(r.getDispenseRequest().getNumberOfRepeatsAllowed()).isEqualTo(1);
        });
        assertThat(only(bundle, MedicationDispense.class)).singleElement().satisfies(d -> {
            assertThat(d.getStatus()).isEqualTo(MedicationDispense.MedicationDispenseStatus.COMPLETED);
            assertThat(d.getAuthorizingPrescriptionFirstRep().getReference()).startsWith("urn:uuid:");
        });
        assertThat(only(bundle, Invoice.class)).singleElement().satisfies(i -> {
            assertThat(i.getStatus()).isEqualTo(Invoice.InvoiceStatus.BALANCED);
            assertThat(i.getTotalGross().getValue()).isEqualByComparingTo("30");
        });
        assertThat(only(bundle, Appointment.class)).singleElement()
                .satisfies(a -> assertThat(a.getStatus()).isEqualTo(Appointment.AppointmentStatus.BOOKED));
        assertThat(only(bundle, Consent.class)).singleElement().satisfies(c -> {
            assertThat(c.getStatus()).as("a revoked or ended grant").isEqualTo(Consent.ConsentState.INACTIVE);
            assertThat(c.getProvision().getClass_()).extracting(org.hl7.fhir.r4.model.Coding::getCode)
                    .containsExactly("AllergyIntolerance", "Condition");
        });
        assertThat(only(bundle, AuditEvent.class)).singleElement().satisfies(a -> {
            assertThat(a.getSubtypeFirstRep().getSystem()).isEqualTo("http://dicom.nema.org/resources/ontology/DCM");
            assertThat(a.getSubtypeFirstRep().getCode()).isEqualTo("110127");
            assertThat(a.getSubtypeFirstRep().getDisplay()).isEqualTo("Emergency Override Started");
        });
    }

    private static final Hash BOOKING = Hash.sha256("booking".getBytes());

    /** Where the ledger would say a transaction stands: block 100, on the dev chain. */
    private static AnchorFacts minedIn100(Hash tx) {
        return new AnchorFacts(1337, 100, Hash.sha256("block 100".getBytes()).hex(), tx.hex(), null, null);
    }

    private static String anchorTransaction(org.hl7.fhir.r4.model.DomainResource r) {
        return r.getMeta().getExtensionByUrl(Codes.ANCHOR).getExtensionByUrl("transactionId").getValue().primitiveValue();
    }

    private static <R extends Resource> List<R> only(Bundle bundle, Class<R> type) {
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance).map(type::cast).toList();
    }
}
