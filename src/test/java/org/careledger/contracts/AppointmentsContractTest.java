package org.careledger.contracts;

import java.util.List;

import org.careledger.crypto.DevAccounts;
import org.careledger.crypto.PrivateKey;
import org.careledger.ledger.ContractCall;
import org.careledger.ledger.Hash;
import org.careledger.ledger.Transaction;
import org.careledger.ledger.TransactionRejectedException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careledger.contracts.AppointmentLedger.*;
import static org.careledger.contracts.ConsentLedger.*;
import static org.careledger.contracts.PharmacyLedger.*;

/** Every transition of the appointments contract and every refusal, in real signed transactions in real blocks. */
class AppointmentsContractTest {

    private final AppointmentLedger ledger = AppointmentLedger.open();
    private final PharmacyLedger chain = ledger.chain;
    private final long fee = DEFAULT_FEE_TOKENS * TOKEN;

    private long inDays(double days) {
        return ledger.time() + (long) (days * DAY);
    }

    @Test
    void bookingTakesTheSlotAndMovesTheFeeFromThePatientIntoEscrowInOneTransaction() {
        long before = ledger.balance(PATIENT);
        long start = inDays(3);
        Hash reason = hashOf("salted reason");
        Transaction tx = chain.mine(PATIENT, AppointmentCalls.book(DOCTOR.address(), start, start + SLOT, fee, reason));

        Appointment a = ledger.appointment(tx.id());
        assertThat(a.patient()).isEqualTo(PATIENT.address());
        assertThat(a.doctor()).isEqualTo(DOCTOR.address());
        assertThat(a.provider()).contains(HOSPITAL.address());
        assertThat(a.start()).isEqualTo(start);
        assertThat(a.end()).isEqualTo(start + SLOT);
        assertThat(a.fee()).isEqualTo(fee);
        assertThat(a.cutoffMillis()).isEqualTo(Appointments.DEFAULT_CUTOFF_MILLIS);
        assertThat(a.reasonHash()).contains(reason);
        assertThat(a.state()).isEqualTo(AppointmentStatus.BOOKED);
        assertThat(ledger.balance(PATIENT)).as("booking is free of fees: only the fee leaves").isEqualTo(before - fee);
        assertThat(ledger.escrowed()).isEqualTo(fee);
        assertThat(AppointmentQueries.byPatient(chain.state(), PATIENT.address())).containsExactly(a);
        assertThat(AppointmentQueries.byDoctor(chain.state(), DOCTOR.address())).containsExactly(a);
    }

    @Test
    void aSlotInThePastOrNotAfterTheBlocksTimeIsRefused() {
        long next = ledger.time() + 1000; // the time of the block the refusal is judged in
        assertThat(chain.refusal(PATIENT, AppointmentCalls.book(DOCTOR.address(), next, next + SLOT, fee, null)))
                .isEqualTo("appointments.past");
        assertThat(chain.refusal(PATIENT, AppointmentCalls.book(DOCTOR.address(), next - DAY, next - DAY + SLOT, fee, null)))
                .isEqualTo("appointments.past");
        assertThat(chain.refusal(PATIENT, AppointmentCalls.book(DOCTOR.address(), next + 1, next + 1 + SLOT, fee, null))).isNull();
        assertThat(chain.refusal(PATIENT, AppointmentCalls.book(DOCTOR.address(), inDays(400), inDays(400) + SLOT, fee, null)))
                .isEqualTo("appointments.tooFar");
        assertThat(chain.refusal(PATIENT, AppointmentCalls.book(DOCTOR.address(), inDays(1), inDays(1) + 60_000, fee, null)))
                .isEqualTo("appointments.length");
        assertThat(chain.refusal(PATIENT, AppointmentCalls.book(DOCTOR.address(), inDays(1), inDays(1) - SLOT, fee, null)))
                .isEqualTo("appointments.length");
    }

    @Test
    void aTakenOrOverlappingSlotIsRefusedAndTheLoserPaysNothing() {
        long start = inDays(2);
        ledger.book(PATIENT, DOCTOR, start);
        long otherBefore = ledger.balance(OTHER_PATIENT);

        assertThat(chain.refused(OTHER_PATIENT, AppointmentCalls.book(DOCTOR.address(), start, start + SLOT, fee, null)))
                .returns("appointments.slotTaken", TransactionRejectedException::rule).hasMessageContaining("was just taken");
        assertThat(chain.refusal(OTHER_PATIENT, AppointmentCalls.book(DOCTOR.address(), start + SLOT / 2, start + SLOT + SLOT / 2, fee,
                null))).as("a slot overlapping the booked one").isEqualTo("appointments.slotTaken");
        assertThat(chain.refusal(OTHER_PATIENT, AppointmentCalls.book(DOCTOR.address(), start + SLOT, start + 2 * SLOT, fee, null)))
                .as("the next slot is free").isNull();
        assertThat(chain.refusal(OTHER_PATIENT, AppointmentCalls.book(OTHER_DOCTOR.address(), start, start + SLOT, fee, null)))
                .as("another doctor at the same time").isNull();
        assertThat(ledger.balance(OTHER_PATIENT)).isEqualTo(otherBefore);
        assertThat(ledger.escrowed()).isEqualTo(fee);
    }

    @Test
    void twoBookingsOfOneSlotInOneBlockLeaveExactlyOneAndOneHeldFee() {
        long start = inDays(2);
        Transaction first = chain.sign(PATIENT, AppointmentCalls.book(DOCTOR.address(), start, start + SLOT, fee, null));
        Transaction second = chain.sign(OTHER_PATIENT, AppointmentCalls.book(DOCTOR.address(), start, start + SLOT, fee, null));
        long otherBefore = ledger.balance(OTHER_PATIENT);

        chain.mineWhatPasses(ledger.time() + 1000, List.of(first, second));

        assertThat(AppointmentQueries.appointment(chain.state(), first.id())).isPresent();
        assertThat(AppointmentQueries.appointment(chain.state(), second.id())).isEmpty();
        assertThat(ledger.escrowed()).isEqualTo(fee);
        assertThat(ledger.balance(OTHER_PATIENT)).isEqualTo(otherBefore);
    }

    @Test
    void onlyARegisteredPatientBooksARegisteredDoctorAtTheFeeChargedNow() {
        long start = inDays(1);
        assertThat(chain.refusal(DOCTOR, AppointmentCalls.book(OTHER_DOCTOR.address(), start, start + SLOT, fee, null)))
                .isEqualTo("appointments.notPatient");
        assertThat(chain.refusal(STRANGER, AppointmentCalls.book(DOCTOR.address(), start, start + SLOT, fee, null)))
                .isEqualTo("appointments.notPatient");
        assertThat(chain.refusal(PATIENT, AppointmentCalls.book(PHARMACIST.address(), start, start + SLOT, fee, null)))
                .isEqualTo("appointments.unknownDoctor");
        assertThat(chain.refused(PATIENT, AppointmentCalls.book(DOCTOR.address(), start, start + SLOT, fee - 1, null)))
                .returns("appointments.feeChanged", TransactionRejectedException::rule);
        assertThat(chain.refusal(PATIENT, AppointmentCalls.book(DOCTOR.address(), start, start + SLOT, fee + 1, null)))
                .as("never more than the fee charged either").isEqualTo("appointments.feeChanged");
    }

    @Test
    void notEnoughTokensBooksNothing() {
        chain.mine(DOCTOR, AppointmentCalls.setFee(OTHER_PATIENT_TOKENS * TOKEN + 1));
        long start = inDays(1);
        assertThat(chain.refusal(OTHER_PATIENT, AppointmentCalls.book(DOCTOR.address(), start, start + SLOT, ledger.fee(DOCTOR), null)))
                .isEqualTo("tokens.balance");
        assertThat(ledger.escrowed()).isZero();
        assertThat(AppointmentQueries.byDoctor(chain.state(), DOCTOR.address())).isEmpty();
    }

    @Test
    void aDoctorsOwnFeeOverridesTheHospitalsDefaultUntilTheyUseTheDefaultAgain() {
        assertThat(ledger.fee(DOCTOR)).isEqualTo(fee);
        chain.mine(DOCTOR, AppointmentCalls.setFee(7 * TOKEN));
        assertThat(ledger.fee(DOCTOR)).isEqualTo(7 * TOKEN);
        assertThat(ledger.fee(OTHER_DOCTOR)).isEqualTo(fee);
        chain.mine(DOCTOR, AppointmentCalls.useDefaultFee());
        assertThat(ledger.fee(DOCTOR)).isEqualTo(fee);

        assertThat(chain.refusal(PATIENT, AppointmentCalls.setFee(0))).isEqualTo("appointments.notDoctor");
        assertThat(chain.refusal(DOCTOR, AppointmentCalls.setTerms(0, 0))).isEqualTo("appointments.notHospital");
        assertThat(chain.refusal(PHARMACY, AppointmentCalls.setTerms(0, 0))).isEqualTo("appointments.notHospital");
        assertThat(chain.refusal(HOSPITAL, AppointmentCalls.setTerms(0, 8 * DAY))).isEqualTo("appointments.cutoff");
    }

    @Test
    void aDoctorWithNoFeeAndNoProviderDefaultCannotBeBooked() {
        PrivateKey loneDoctor = DevAccounts.ganacheAccount(22); // registered, affiliated with no one
        chain.mine(ADMIN, Registry.register(loneDoctor.address(), "DOCTOR"));
        long start = inDays(1);
        assertThat(chain.refusal(PATIENT, AppointmentCalls.book(loneDoctor.address(), start, start + SLOT, 0, null)))
                .isEqualTo("appointments.noFee");
    }

    @Test
    void aFreeConsultationHoldsNothingAndPaysNothing() {
        chain.mine(DOCTOR, AppointmentCalls.setFee(0));
        long before = ledger.balance(PATIENT);
        Hash id = ledger.book(PATIENT, DOCTOR, inDays(1));
        assertThat(ledger.escrowed()).isZero();
        chain.mineAt(ledger.appointment(id).start(), chain.sign(DOCTOR, AppointmentCalls.complete(id)));
        assertThat(ledger.appointment(id).state()).isEqualTo(AppointmentStatus.COMPLETED);
        assertThat(ledger.balance(PATIENT)).isEqualTo(before);
        assertThat(InvoiceQueries.byPayer(chain.state(), PATIENT.address())).as("no bill for nothing").isEmpty();
    }

    @Test
    void cancellingBeforeTheCutOffRefundsInFullAndFreesTheSlot() {
        long before = ledger.balance(PATIENT);
        Hash id = ledger.book(PATIENT, DOCTOR, inDays(3));
        Appointment booked = ledger.appointment(id);
        chain.mineAt(booked.freeCancellationUntil(), chain.sign(PATIENT, AppointmentCalls.cancel(id)));

        Appointment cancelled = ledger.appointment(id);
        assertThat(cancelled.state()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(cancelled.closed()).isPresent();
        assertThat(ledger.balance(PATIENT)).isEqualTo(before);
        assertThat(ledger.escrowed()).isZero();
        assertThat(chain.refusal(OTHER_PATIENT, AppointmentCalls.book(DOCTOR.address(), booked.start(), booked.end(), fee, null)))
                .as("the slot is free again").isNull();
    }

    @Test
    void cancellingAfterTheCutOffPaysTheDoctorAndRecordsAPaidInvoice() {
        long patientBefore = ledger.balance(PATIENT);
        long doctorBefore = ledger.balance(DOCTOR);
        Hash id = ledger.book(PATIENT, DOCTOR, inDays(3));
        Appointment booked = ledger.appointment(id);
        Transaction cancel = chain.sign(PATIENT, AppointmentCalls.cancel(id));
        chain.mineAt(booked.freeCancellationUntil() + 1, cancel);

        assertThat(ledger.appointment(id).state()).isEqualTo(AppointmentStatus.LATE_CANCELLED);
        assertThat(ledger.balance(PATIENT)).isEqualTo(patientBefore - fee);
        assertThat(ledger.balance(DOCTOR)).isEqualTo(doctorBefore + fee);
        assertThat(ledger.escrowed()).isZero();
        Invoice invoice = chain.invoice(cancel.id());
        assertThat(invoice.state()).isEqualTo(InvoiceState.PAID);
        assertThat(invoice.payer()).isEqualTo(PATIENT.address());
        assertThat(invoice.payee()).isEqualTo(DOCTOR.address());
        assertThat(invoice.lines()).containsExactly(new Invoice.Line(Appointments.LATE_CANCELLATION, 1, fee));
        assertThat(invoice.reference()).isEqualTo(id);
        assertThat(invoice.raisedBy()).isEqualTo(Appointments.NAME);
        assertThat(invoice.payment().orElseThrow().txId()).isEqualTo(cancel.id());
    }

    @Test
    void thePatientCannotCancelOnceTheAppointmentHasStarted() {
        Hash id = ledger.book(PATIENT, DOCTOR, inDays(1));
        long start = ledger.appointment(id).start();
        assertThat(chain.refusalAt(start, PATIENT, AppointmentCalls.cancel(id))).isEqualTo("appointments.started");
    }

    @Test
    void theDoctorConfirmsAndThenCompletesOnceStartedAndIsPaidWithAPaidInvoice() {
        long patientBefore = ledger.balance(PATIENT);
        long doctorBefore = ledger.balance(DOCTOR);
        Hash id = ledger.book(PATIENT, DOCTOR, inDays(1));
        chain.mine(DOCTOR, AppointmentCalls.confirm(id));
        assertThat(ledger.appointment(id).state()).isEqualTo(AppointmentStatus.CONFIRMED);
        assertThat(chain.refused(DOCTOR, AppointmentCalls.confirm(id))).returns("appointments.confirmed", TransactionRejectedException::rule);
        assertThat(chain.refusal(DOCTOR, AppointmentCalls.complete(id))).as("before its start").isEqualTo("appointments.notStarted");

        Transaction complete = chain.sign(DOCTOR, AppointmentCalls.complete(id));
        chain.mineAt(ledger.appointment(id).start() + 60_000, complete);

        Appointment done = ledger.appointment(id);
        assertThat(done.state()).isEqualTo(AppointmentStatus.COMPLETED);
        assertThat(done.closedBy()).contains(complete.id());
        assertThat(ledger.balance(DOCTOR)).isEqualTo(doctorBefore + fee);
        assertThat(ledger.balance(PATIENT)).isEqualTo(patientBefore - fee);
        assertThat(ledger.escrowed()).isZero();
        Invoice invoice = chain.invoice(complete.id());
        assertThat(invoice.state()).isEqualTo(InvoiceState.PAID);
        assertThat(invoice.lines()).containsExactly(new Invoice.Line(Appointments.CONSULTATION, 1, fee));
        assertThat(InvoiceQueries.byPayee(chain.state(), DOCTOR.address())).containsExactly(invoice);

        assertThat(chain.refused(DOCTOR, AppointmentCalls.complete(id))).as("double completion")
                .returns("appointments.closed", TransactionRejectedException::rule).hasMessageContaining("already completed");
        assertThat(chain.refusal(DOCTOR, AppointmentCalls.noShow(id))).isEqualTo("appointments.closed");
        assertThat(chain.refusal(DOCTOR, AppointmentCalls.decline(id, null))).as("no refund after payment").isEqualTo("appointments.closed");
    }

    @Test
    void aNoShowPaysTheDoctor() {
        long doctorBefore = ledger.balance(DOCTOR);
        Hash id = ledger.book(PATIENT, DOCTOR, inDays(1));
        Transaction noShow = chain.sign(DOCTOR, AppointmentCalls.noShow(id));
        chain.mineAt(ledger.appointment(id).end(), noShow);
        assertThat(ledger.appointment(id).state()).isEqualTo(AppointmentStatus.NO_SHOW);
        assertThat(ledger.balance(DOCTOR)).isEqualTo(doctorBefore + fee);
        assertThat(chain.invoice(noShow.id()).lines()).containsExactly(new Invoice.Line(Appointments.NO_SHOW, 1, fee));
    }

    @Test
    void aDeclineRefundsInFullOnceAndNothingMovesTheFeeAgain() {
        long before = ledger.balance(PATIENT);
        Hash id = ledger.book(PATIENT, DOCTOR, inDays(1));
        Hash reason = hashOf("day off");
        chain.mine(DOCTOR, AppointmentCalls.decline(id, reason));

        Appointment declined = ledger.appointment(id);
        assertThat(declined.state()).isEqualTo(AppointmentStatus.DECLINED);
        assertThat(declined.declineReason()).contains(reason);
        assertThat(ledger.balance(PATIENT)).isEqualTo(before);
        assertThat(ledger.escrowed()).isZero();
        assertThat(chain.refusal(DOCTOR, AppointmentCalls.decline(id, null))).as("double refund").isEqualTo("appointments.closed");
        assertThat(chain.refusal(PATIENT, AppointmentCalls.cancel(id))).as("double refund").isEqualTo("appointments.closed");
        assertThat(chain.refusalAt(declined.start(), DOCTOR, AppointmentCalls.complete(id))).isEqualTo("appointments.closed");
    }

    @Test
    void onlyTheAppointmentsOwnDoctorAndPatientActOnIt() {
        Hash id = ledger.book(PATIENT, DOCTOR, inDays(1));
        assertThat(chain.refusal(OTHER_DOCTOR, AppointmentCalls.confirm(id))).isEqualTo("appointments.notDoctorOf");
        assertThat(chain.refusal(OTHER_DOCTOR, AppointmentCalls.decline(id, null))).isEqualTo("appointments.notDoctorOf");
        assertThat(chain.refusal(PATIENT, AppointmentCalls.confirm(id))).isEqualTo("appointments.notDoctorOf");
        assertThat(chain.refusal(OTHER_PATIENT, AppointmentCalls.cancel(id))).isEqualTo("appointments.notPatientOf");
        assertThat(chain.refusal(DOCTOR, AppointmentCalls.cancel(id))).isEqualTo("appointments.notPatientOf");
        long start = ledger.appointment(id).start();
        assertThat(chain.refusalAt(start, OTHER_DOCTOR, AppointmentCalls.complete(id))).isEqualTo("appointments.notDoctorOf");
        assertThat(chain.refusalAt(start, PATIENT, AppointmentCalls.complete(id))).isEqualTo("appointments.notDoctorOf");
        assertThat(chain.refusal(DOCTOR, AppointmentCalls.confirm(hashOf("no such appointment")))).isEqualTo("appointments.unknown");
    }

    @Test
    void aProvidersCutOffIsFixedIntoEachBookingWhenItIsMade() {
        Hash before = ledger.book(PATIENT, DOCTOR, inDays(3));
        chain.mine(HOSPITAL, AppointmentCalls.setTerms(fee, 2 * HOUR));
        Hash after = ledger.book(PATIENT, DOCTOR, inDays(3) + 2 * SLOT);
        assertThat(ledger.appointment(before).cutoffMillis()).isEqualTo(Appointments.DEFAULT_CUTOFF_MILLIS);
        assertThat(ledger.appointment(after).cutoffMillis()).isEqualTo(2 * HOUR);
        assertThat(AppointmentQueries.termsOf(chain.state(), HOSPITAL.address()).cutoffMillis()).isEqualTo(2 * HOUR);
    }

    @Test
    void callsWithTheWrongArgumentsOrAnUnknownMethodAreRefused() {
        assertThat(chain.refusal(PATIENT, ContractCall.of(Appointments.NAME, "book"))).isEqualTo("appointments.arguments");
        assertThat(chain.refusal(PATIENT, ContractCall.of(Appointments.NAME, "steal"))).isEqualTo("appointments.method");
    }
}
