package org.careledger.contracts;

import org.careledger.crypto.Address;
import org.careledger.crypto.PrivateKey;
import org.careledger.ledger.Hash;
import org.careledger.ledger.Transaction;

import static org.careledger.contracts.ConsentLedger.*;
import static org.careledger.contracts.PharmacyLedger.*;

/**
 * The medicine flow's test chain set up for appointments: both doctors affiliated with the hospital,
 * whose terms charge {@value #DEFAULT_FEE_TOKENS} tokens by default with the standard cut-off, and
 * {@value #OTHER_PATIENT_TOKENS} tokens for the other patient too. Times are block times.
 */
final class AppointmentLedger {

    static final long DEFAULT_FEE_TOKENS = 3;
    static final long OTHER_PATIENT_TOKENS = 20;
    static final long SLOT = 20 * Appointments.MINUTE;

    final PharmacyLedger chain;

    private AppointmentLedger(PharmacyLedger chain) {
        this.chain = chain;
    }

    static AppointmentLedger open() {
        PharmacyLedger chain = PharmacyLedger.open();
        chain.mine(
                chain.sign(ADMIN, Registry.affiliate(DOCTOR.address(), HOSPITAL.address()), 0),
                chain.sign(ADMIN, Registry.affiliate(OTHER_DOCTOR.address(), HOSPITAL.address()), 1),
                chain.sign(STRANGER, Tokens.transfer(OTHER_PATIENT.address(), OTHER_PATIENT_TOKENS * TOKEN)));
        chain.mine(HOSPITAL, AppointmentCalls.setTerms(DEFAULT_FEE_TOKENS * TOKEN, Appointments.DEFAULT_CUTOFF_MILLIS));
        return new AppointmentLedger(chain);
    }

    /** {@code patient} books {@code doctor} at {@code start} for the fee charged now; returns the appointment's id. */
    Hash book(PrivateKey patient, PrivateKey doctor, long start) {
        Transaction tx = chain.mine(patient, AppointmentCalls.book(doctor.address(), start, start + SLOT, fee(doctor), null));
        return tx.id();
    }

    long fee(PrivateKey doctor) {
        return AppointmentQueries.feeOf(chain.state(), doctor.address()).orElseThrow();
    }

    Appointment appointment(Hash id) {
        return AppointmentQueries.appointment(chain.state(), id).orElseThrow();
    }

    long escrowed() {
        return AppointmentQueries.escrowed(chain.state());
    }

    long balance(PrivateKey key) {
        return chain.balance(key);
    }

    long balance(Address address) {
        return chain.balance(address);
    }

    long time() {
        return chain.time();
    }
}
