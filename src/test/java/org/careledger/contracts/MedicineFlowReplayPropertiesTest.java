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
import static org.careledger.contracts.ConsentLedger.*;
import static org.careledger.contracts.PharmacyLedger.*;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * Whatever doctors, pharmacists, the patient and the pharmacies do, in whatever order and however
 * often it is refused: every block conserves the token supply, every fill has its invoice and every
 * invoice its fill, no prescription dispenses more than it allows, and a node replaying the blocks
 * from genesis reaches the same state root block by block.
 */
class MedicineFlowReplayPropertiesTest {

    /** One action: what (0–9), and two numbers choosing whom, which and how much. */
    record Step(int kind, int a, int b) {
    }

    /** Two to six blocks of one to six actions each, after two prescriptions issued to start with. */
    private static Gen<List<List<Step>>> history() {
        Gen<Step> step = integers().between(0, 9).zip(integers().between(0, 99), integers().between(0, 99), Step::new);
        return lists().of(lists().of(step).ofSizeBetween(1, 6)).ofSizeBetween(2, 6);
    }

    @Test
    void anyHistoryConservesTokensKeepsFillsAndInvoicesTogetherAndReplaysToTheSameRoots() {
        qt().withExamples(25).forAll(history()).checkAssert(MedicineFlowReplayPropertiesTest::assertHistoryHolds);
    }

    private static void assertHistoryHolds(List<List<Step>> blocks) {
        Flow flow = new Flow(PharmacyLedger.open());
        flow.mineBlock(List.of(new Step(0, 19, 2), new Step(0, 9, 5)));
        blocks.forEach(flow::mineBlock);

        ContractState state = flow.pharmacy.state();
        assertThat(Tokens.supply(state)).isEqualTo(TestChains.GENESIS.totalSupply());
        for (PharmacyLedger.Rx rx : flow.prescriptions) {
            Prescription p = rx.onChain();
            List<Fill> fills = PrescriptionQueries.fillsOf(state, rx.id);
            long dispensed = fills.stream().filter(f -> f.reversed().isEmpty()).mapToLong(Fill::quantity).sum();
            assertThat(p.dispensed()).isEqualTo(dispensed).isBetween(0L, p.totalAllowed());
            assertThat(fills).hasSize((int) p.fills());
            fills.forEach(f -> assertThat(InvoiceQueries.invoice(state, f.dispensingId())).as("the invoice of fill %s", f)
                    .hasValueSatisfying(i -> assertThat(i.reference()).isEqualTo(rx.id)));
        }
        InvoiceQueries.byPayer(state, PATIENT.address()).forEach(i ->
                assertThat(PrescriptionQueries.fill(state, i.id())).as("the fill of invoice %s", i.id()).isPresent());

        Chain replay = PharmacyLedger.chain(Contracts.standard());
        for (Block block : flow.pharmacy.ledger.blocks) {
            assertThat(replay.add(block).kind()).isEqualTo(ChainUpdate.Kind.EXTENDED);
            assertThat(replay.tipState().root()).isEqualTo(block.header().stateRoot());
        }
        assertThat(replay.tipState().root()).isEqualTo(flow.pharmacy.ledger.chain.tipState().root());
    }

    /** Turns steps into signed transactions, mines them (the assembler leaves out what is refused) and follows the QR secrets. */
    private static final class Flow {

        final PharmacyLedger pharmacy;
        final List<PharmacyLedger.Rx> prescriptions = new ArrayList<>();
        final List<Hash> dispensings = new ArrayList<>();
        final Map<Hash, PrivateKey> payees = new HashMap<>();

        Flow(PharmacyLedger pharmacy) {
            this.pharmacy = pharmacy;
        }

        void mineBlock(List<Step> steps) {
            Map<Address, Integer> ahead = new HashMap<>();
            List<Transaction> txs = new ArrayList<>();
            Map<Hash, Runnable> onIncluded = new HashMap<>();
            for (Step step : steps) {
                Action action = action(step);
                if (action != null) {
                    int n = ahead.merge(action.signer.address(), 1, Integer::sum) - 1;
                    Transaction tx = pharmacy.sign(action.signer, action.call, n);
                    txs.add(tx);
                    onIncluded.put(tx.id(), () -> action.included.accept(tx.id()));
                }
            }
            Block block = pharmacy.mineWhatPasses(pharmacy.time() + 60_000, txs);
            block.transactions().forEach(tx -> onIncluded.get(tx.id()).run());
        }

        private record Action(PrivateKey signer, ContractCall call, java.util.function.Consumer<Hash> included) {
        }

        private Action action(Step s) {
            switch (s.kind()) {
                case 0 -> {
                    Hash secret = pharmacy.newSecret();
                    return new Action(DOCTOR, PrescriptionCalls.issue(PATIENT.address(), MEDICINE, 1 + s.a() % 20, s.b() % 6,
                            30 * DAY, CONTENT, hashOfSecret(secret)), id -> prescriptions.add(pharmacy.new Rx(id, secret)));
                }
                case 1, 2, 3, 4 -> {
                    if (prescriptions.isEmpty()) {
                        return null;
                    }
                    PharmacyLedger.Rx rx = prescriptions.get(s.a() % prescriptions.size());
                    boolean other = s.b() % 2 == 1;
                    PrivateKey pharmacist = other ? OTHER_PHARMACIST : PHARMACIST;
                    PrivateKey payee = other ? OTHER_PHARMACY : PHARMACY;
                    Hash next = pharmacy.newSecret();
                    Hash presented = s.b() % 7 == 0 ? hashOf("an old copy") : rx.secret;
                    ContractCall call = PrescriptionCalls.dispense(rx.id, 1 + s.b() % 15, presented, hashOfSecret(next),
                            payee.address(), (s.a() % 4) * TOKEN, PACK);
                    return new Action(pharmacist, call, id -> {
                        rx.secret = next;
                        dispensings.add(id);
                        payees.put(id, payee);
                    });
                }
                case 5, 6 -> {
                    return dispensings.isEmpty() ? null
                            : new Action(PATIENT, InvoiceCalls.pay(pick(s)), id -> { });
                }
                case 7 -> {
                    Hash invoice = dispensings.isEmpty() ? null : pick(s);
                    return invoice == null ? null : new Action(payees.get(invoice), InvoiceCalls.cancel(invoice, null), id -> { });
                }
                case 8 -> {
                    Hash dispensing = dispensings.isEmpty() ? null : pick(s);
                    return dispensing == null ? null
                            : new Action(payees.get(dispensing), PrescriptionCalls.reverse(dispensing), id -> { });
                }
                default -> {
                    return prescriptions.isEmpty() ? null : new Action(DOCTOR,
                            PrescriptionCalls.cancel(prescriptions.get(s.a() % prescriptions.size()).id, hashOf("salt|" + s.b())), id -> { });
                }
            }
        }

        private Hash pick(Step s) {
            return dispensings.get(s.a() % dispensings.size());
        }
    }
}
