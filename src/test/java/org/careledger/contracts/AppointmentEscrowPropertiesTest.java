package org.careledger.contracts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.careledger.crypto.Address;
import org.careledger.crypto.PrivateKey;
import org.careledger.ledger.Block;
import org.careledger.ledger.Chain;
import org.careledger.ledger.ChainUpdate;
import org.careledger.ledger.ContractCall;
import org.careledger.ledger.Hash;
import org.careledger.ledger.TestChains;
import org.careledger.ledger.Transaction;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careledger.contracts.AppointmentLedger.*;
import static org.careledger.contracts.ConsentLedger.*;
import static org.careledger.contracts.PharmacyLedger.*;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * Whatever two patients and two doctors do with bookings, in whatever order, at whatever times and
 * however often it is refused: the supply is conserved, the contract's escrow holds exactly the fees
 * of the active appointments, each party's balance moved by exactly the fees the final states say,
 * no slot is held twice, and a node replaying the blocks reaches the same state roots.
 */
class AppointmentEscrowPropertiesTest {

    /** One action: what (0–7), and two numbers choosing whom, which and when. */
    record Step(int kind, int a, int b) {
    }

    private static Gen<List<List<Step>>> history() {
        Gen<Step> step = integers().between(0, 7).zip(integers().between(0, 99), integers().between(0, 99), Step::new);
        return lists().of(lists().of(step).ofSizeBetween(1, 6)).ofSizeBetween(2, 8);
    }

    @Test
    void escrowAndBalancesAddUpAfterAnySequenceOfBookCancelDeclineCompleteAndNoShow() {
        qt().withExamples(20).forAll(history()).checkAssert(AppointmentEscrowPropertiesTest::assertHistoryHolds);
    }

    private static final List<PrivateKey> PATIENTS = List.of(PATIENT, OTHER_PATIENT);
    private static final List<PrivateKey> DOCTORS = List.of(DOCTOR, OTHER_DOCTOR);

    private static void assertHistoryHolds(List<List<Step>> blocks) {
        AppointmentLedger ledger = AppointmentLedger.open();
        Map<Address, Long> start = new HashMap<>();
        PATIENTS.forEach(p -> start.put(p.address(), ledger.balance(p)));
        DOCTORS.forEach(d -> start.put(d.address(), ledger.balance(d)));
        Flow flow = new Flow(ledger);
        blocks.forEach(flow::mineBlock);

        ContractState state = ledger.chain.state();
        assertThat(Tokens.supply(state)).isEqualTo(TestChains.GENESIS.totalSupply());
        List<Appointment> all = new ArrayList<>();
        DOCTORS.forEach(d -> all.addAll(AppointmentQueries.byDoctor(state, d.address())));
        long held = all.stream().filter(a -> a.state().active()).mapToLong(Appointment::fee).sum();
        assertThat(AppointmentQueries.escrowed(state)).as("escrow = the fees of active appointments").isEqualTo(held);
        for (PrivateKey p : PATIENTS) {
            long spent = all.stream().filter(a -> a.patient().equals(p.address()))
                    .filter(a -> a.state().active() || a.state().paidToDoctor()).mapToLong(Appointment::fee).sum();
            assertThat(ledger.balance(p)).as("patient %s", p.address()).isEqualTo(start.get(p.address()) - spent);
        }
        for (PrivateKey d : DOCTORS) {
            long earned = all.stream().filter(a -> a.doctor().equals(d.address()) && a.state().paidToDoctor())
                    .mapToLong(Appointment::fee).sum();
            assertThat(ledger.balance(d)).as("doctor %s", d.address()).isEqualTo(start.get(d.address()) + earned);
            List<Appointment> active = all.stream().filter(a -> a.doctor().equals(d.address()) && a.state().active())
                    .sorted(java.util.Comparator.comparingLong(Appointment::start)).toList();
            for (int i = 1; i < active.size(); i++) {
                assertThat(active.get(i).start()).as("no two active bookings overlap").isGreaterThanOrEqualTo(active.get(i - 1).end());
            }
        }
        all.stream().filter(a -> a.state().paidToDoctor()).forEach(a -> assertThat(InvoiceQueries.invoice(state, a.closedBy().orElseThrow()))
                .as("the paid invoice of %s", a.id()).hasValueSatisfying(i -> {
                    assertThat(i.state()).isEqualTo(InvoiceState.PAID);
                    assertThat(i.total()).isEqualTo(a.fee());
                    assertThat(i.reference()).isEqualTo(a.id());
                }));

        Chain replay = PharmacyLedger.chain(Contracts.standard());
        for (Block block : ledger.chain.ledger.blocks) {
            assertThat(replay.add(block).kind()).isEqualTo(ChainUpdate.Kind.EXTENDED);
            assertThat(replay.tipState().root()).isEqualTo(block.header().stateRoot());
        }
    }

    /** Turns steps into signed transactions and mines them; slots are on a 20-minute grid a few hours ahead. */
    private static final class Flow {

        final AppointmentLedger ledger;
        final List<Hash> booked = new ArrayList<>();
        final Map<Hash, PrivateKey> patientOf = new HashMap<>();
        final Map<Hash, PrivateKey> doctorOf = new HashMap<>();

        Flow(AppointmentLedger ledger) {
            this.ledger = ledger;
        }

        void mineBlock(List<Step> steps) {
            Map<Address, Integer> ahead = new HashMap<>();
            List<Transaction> txs = new ArrayList<>();
            Map<Hash, Runnable> onIncluded = new HashMap<>();
            for (Step step : steps) {
                Action action = action(step);
                if (action != null) {
                    int n = ahead.merge(action.signer.address(), 1, Integer::sum) - 1;
                    Transaction tx = ledger.chain.sign(action.signer, action.call, n);
                    txs.add(tx);
                    onIncluded.put(tx.id(), () -> action.included.accept(tx.id()));
                }
            }
            long advance = steps.get(0).b() % 3 == 0 ? 6 * HOUR : 20 * 60_000; // now and then past a slot or a cut-off
            Block block = ledger.chain.mineWhatPasses(ledger.time() + advance, txs);
            block.transactions().forEach(tx -> onIncluded.get(tx.id()).run());
        }

        private record Action(PrivateKey signer, ContractCall call, java.util.function.Consumer<Hash> included) {
        }

        private Action action(Step s) {
            if (s.kind() <= 2 || booked.isEmpty()) {
                PrivateKey patient = PATIENTS.get(s.a() % 2);
                PrivateKey doctor = DOCTORS.get(s.b() % 2);
                long grid = (ledger.time() / SLOT + 1) * SLOT;
                long start = grid + (s.a() % 40) * SLOT / (s.b() % 4 == 0 ? 2 : 1); // some half-slot offsets overlap
                long fee = s.b() % 5 == 0 ? 1 : ledger.fee(doctor); // now and then a stale fee
                return new Action(patient, AppointmentCalls.book(doctor.address(), start, start + SLOT, fee, null), id -> {
                    booked.add(id);
                    patientOf.put(id, patient);
                    doctorOf.put(id, doctor);
                });
            }
            Hash id = booked.get(s.a() % booked.size());
            boolean wrongSigner = s.b() % 11 == 0;
            PrivateKey doctor = wrongSigner ? DOCTORS.get(1 - DOCTORS.indexOf(doctorOf.get(id))) : doctorOf.get(id);
            PrivateKey patient = wrongSigner ? PATIENTS.get(1 - PATIENTS.indexOf(patientOf.get(id))) : patientOf.get(id);
            return switch (s.kind()) {
                case 3 -> new Action(patient, AppointmentCalls.cancel(id), x -> { });
                case 4 -> new Action(doctor, AppointmentCalls.decline(id, null), x -> { });
                case 5 -> new Action(doctor, AppointmentCalls.confirm(id), x -> { });
                case 6 -> new Action(doctor, AppointmentCalls.complete(id), x -> { });
                default -> new Action(doctor, AppointmentCalls.noShow(id), x -> { });
            };
        }
    }
}
