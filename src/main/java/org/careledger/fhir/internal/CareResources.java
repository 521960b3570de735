package org.careledger.fhir.internal;

import java.math.BigDecimal;
import java.util.Date;

import org.careledger.appointments.AppointmentView;
import org.careledger.common.TokenAmount;
import org.careledger.pharmacy.FillView;
import org.careledger.pharmacy.PrescriptionDetails;
import org.careledger.pharmacy.PrescriptionView;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Invoice;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.SimpleQuantity;

/**
 * The patient's care outside the record entries: pharmacy prescriptions (MedicationRequest), what was
 * dispensed from them (MedicationDispense) and paid for (Invoice, amounts in CareLedger tokens, which
 * are no ISO 4217 currency, so none is named), and appointments.
 */
final class CareResources {

    static final String PRESCRIPTION_ID = Codes.BASE + "sid/prescription";
    static final String FILL_ID = Codes.BASE + "sid/dispensing";
    static final String INVOICE_ID = Codes.BASE + "sid/invoice";
    static final String APPOINTMENT_ID = Codes.BASE + "sid/appointment";

    private CareResources() {
    }

    static CodeableConcept medicine(PrescriptionView p) {
        CodeableConcept c = new CodeableConcept().setText(p.medicineName());
        if (p.medicineCode() != null && !p.medicineCode().isBlank()) {
            c.addCoding(new Coding(Codes.RXNORM, p.medicineCode(), p.medicineName()));
        }
        return c;
    }

    static MedicationRequest prescription(PrescriptionView p, Reference patient, Reference prescriber) {
        MedicationRequest r = new MedicationRequest().setStatus(switch (p.state()) {
            case ON_ITS_WAY, ISSUED, PARTIALLY_DISPENSED -> MedicationRequest.MedicationRequestStatus.ACTIVE;
            case COMPLETED -> MedicationRequest.MedicationRequestStatus.COMPLETED;
            case CANCELLED -> MedicationRequest.MedicationRequestStatus.CANCELLED;
            case EXPIRED -> MedicationRequest.MedicationRequestStatus.STOPPED;
            case REFUSED -> MedicationRequest.MedicationRequestStatus.ENTEREDINERROR;
        }).setIntent(MedicationRequest.MedicationRequestIntent.ORDER).setSubject(patient).setMedication(medicine(p));
        r.addIdentifier(new Identifier().setSystem(PRESCRIPTION_ID).setValue(p.id()));
        if (p.writtenAt() != null) {
            r.setAuthoredOn(Date.from(p.writtenAt()));
        }
        if (prescriber != null) {
            r.setRequester(prescriber);
        }
        PrescriptionDetails d = p.details();
        if (d != null) {
            String text = String.join(", ", java.util.stream.Stream.of(d.dose(), d.route(), d.frequency(), d.instructions())
                    .filter(s -> s != null && !s.isBlank()).toList());
            if (!text.isEmpty()) {
                r.addDosageInstruction().setText(text);
            }
            if (d.indication() != null && !d.indication().isBlank()) {
                r.addReasonCode(new CodeableConcept().setText(d.indication()));
            }
        }
        MedicationRequest.MedicationRequestDispenseRequestComponent dispense = r.getDispenseRequest()
                .setNumberOfRepeatsAllowed(p.refills());
        dispense.setQuantity((SimpleQuantity) new SimpleQuantity().setValue(p.quantity()));
        if (p.expiresAt() != null) {
            dispense.setValidityPeriod(new Period().setEnd(Date.from(p.expiresAt())));
        }
        if (p.cancelReason() != null) {
            r.addNote(new Annotation().setText("Cancelled: " + p.cancelReason()));
        }
        return r;
    }

    static MedicationDispense dispensing(PrescriptionView p, FillView f, Reference patient, Reference prescription, Reference pharmacist) {
        MedicationDispense d = new MedicationDispense().setStatus(f.refused() != null ? MedicationDispense.MedicationDispenseStatus.DECLINED
                : f.block() != null ? MedicationDispense.MedicationDispenseStatus.COMPLETED : MedicationDispense.MedicationDispenseStatus.INPROGRESS)
                .setSubject(patient).setMedication(medicine(p));
        d.addIdentifier(new Identifier().setSystem(FILL_ID).setValue(f.id()));
        d.addAuthorizingPrescription(prescription);
        d.setQuantity((SimpleQuantity) new SimpleQuantity().setValue(f.quantity()));
        if (f.block() != null && f.askedAt() != null) {
            d.setWhenHandedOver(Date.from(f.askedAt()));
        }
        if (pharmacist != null) {
            d.addPerformer().setActor(pharmacist);
        }
        if (f.batch() != null) {
            d.addNote(new Annotation().setText("Batch " + f.batch() + (f.packExpiry() == null ? "" : ", pack expires " + f.packExpiry())));
        }
        return d;
    }

    static Invoice invoice(FillView f, Reference patient, Reference pharmacy) {
        Invoice i = new Invoice().setStatus(switch (f.invoiceState()) {
            case OPEN -> Invoice.InvoiceStatus.ISSUED;
            case PAID -> Invoice.InvoiceStatus.BALANCED;
            case CANCELLED, REFUNDED -> Invoice.InvoiceStatus.CANCELLED;
        }).setSubject(patient);
        i.addIdentifier(new Identifier().setSystem(INVOICE_ID).setValue(f.invoiceId().hex()));
        if (f.askedAt() != null) {
            i.setDate(Date.from(f.askedAt()));
        }
        if (pharmacy != null) {
            i.setIssuer(pharmacy);
        }
        if (f.total() != null) {
            i.setTotalGross(new Money().setValue(tokens(f.total())));
            i.addNote(new Annotation().setText("Amounts in CareLedger tokens; " + f.quantity() + " units at "
                    + (f.unitPrice() == null ? "?" : f.unitPrice().format()) + " tokens"
                    + (f.invoiceState() == org.careledger.contracts.InvoiceState.REFUNDED ? "; refunded" : "")));
        }
        return i;
    }

    static Appointment appointment(AppointmentView a, Reference patient, Reference doctor) {
        Appointment r = new Appointment().setStatus(switch (a.state()) {
            case ON_ITS_WAY, BOOKED -> Appointment.AppointmentStatus.PENDING;
            case CONFIRMED -> Appointment.AppointmentStatus.BOOKED;
            case CANCELLED, LATE_CANCELLED, DECLINED, REFUSED -> Appointment.AppointmentStatus.CANCELLED;
            case COMPLETED -> Appointment.AppointmentStatus.FULFILLED;
            case NO_SHOW -> Appointment.AppointmentStatus.NOSHOW;
        });
        r.addIdentifier(new Identifier().setSystem(APPOINTMENT_ID).setValue(a.id()));
        if (a.start() != null && a.end() != null) {
            r.setStart(Date.from(a.start())).setEnd(Date.from(a.end()));
        }
        r.setDescription(a.reason());
        if (a.specialty() != null) {
            r.addSpecialty(new CodeableConcept().setText(a.specialty()));
        }
        r.addParticipant().setActor(patient).setStatus(Appointment.ParticipationStatus.ACCEPTED);
        r.addParticipant().setActor(doctor).setStatus(a.state() == org.careledger.appointments.AppointmentState.BOOKED
                || a.state() == org.careledger.appointments.AppointmentState.ON_ITS_WAY
                ? Appointment.ParticipationStatus.NEEDSACTION : Appointment.ParticipationStatus.ACCEPTED);
        if (a.declineReason() != null) {
            r.setComment("Declined: " + a.declineReason());
        }
        return r;
    }

    private static BigDecimal tokens(TokenAmount amount) {
        return BigDecimal.valueOf(amount.baseUnits(), 6);
    }
}
