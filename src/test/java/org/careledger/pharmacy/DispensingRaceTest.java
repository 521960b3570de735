package org.careledger.pharmacy;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.careledger.Await;
import org.careledger.ConsortiumNodes;
import org.careledger.IntegrationTest;
import org.careledger.common.OperationNotAllowedException;
import org.careledger.contracts.Fill;
import org.careledger.contracts.Invoice;
import org.careledger.contracts.InvoiceCalls;
import org.careledger.contracts.InvoiceQueries;
import org.careledger.contracts.InvoiceState;
import org.careledger.contracts.Prescription;
import org.careledger.contracts.PrescriptionCalls;
import org.careledger.contracts.PrescriptionQueries;
import org.careledger.contracts.RecordCategory;
import org.careledger.contracts.Tokens;
import org.careledger.crypto.Address;
import org.careledger.identity.KeyCustody;
import org.careledger.identity.Role;
import org.careledger.identity.TestAccounts;
import org.careledger.identity.UserProfile;
import org.careledger.ledger.ContractCall;
import org.careledger.ledger.Hash;
import org.careledger.ledger.Node;
import org.careledger.ledger.Transaction;
import org.careledger.ledger.TransactionRejectedException;
import org.careledger.node.LedgerService;
import org.careledger.outbox.LedgerReceipt;
import org.careledger.registry.ProviderAccounts;
import org.careledger.wallet.InvoiceFixture;
import org.careledger.wallet.InvoicePaymentException;
import org.careledger.wallet.Invoicing;
import org.careledger.wallet.TestFunding;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Races the chain decides, not the portal: one prescription's QR dispensed at the same moment by a
 * pharmacist through the portal (its home node) and by another pharmacist of the pharmacy whose
 * transaction reaches a second node of the consortium, as another portal's would; and two
 * payments of one invoice signed by the patient's key at consecutive nonces and sent through two
 * nodes at once. The portal's own guards (the row reserving the QR's next secret, the payment
 * already on its way) never see the other transaction.
 */
class DispensingRaceTest extends IntegrationTest {

    /** lisinopril 10 MG Oral Tablet: 0.91 tokens a unit in the catalogue. */
    static final String LISINOPRIL = "314076";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Races of the QR: the other pharmacist's transaction sent a little before the portal's, then a little after. */
    private static final int ROUNDS = 2;

    @Autowired
    ApplicationContext context;
    @Autowired
    Prescribing prescribing;
    @Autowired
    PatientPrescriptions patientPrescriptions;
    @Autowired
    Dispensary dispensary;
    @Autowired
    Invoicing invoicing;
    @Autowired
    ProviderAccounts providerAccounts;
    @Autowired
    KeyCustody custody;
    @Autowired
    LedgerService ledger;
    @Autowired
    PrescriptionRows rows;

    private UserProfile doctor;
    private UserProfile patient;
    private UserProfile portalPharmacist;
    private UserProfile otherPharmacist;
    private List<Node> nodes;

    @BeforeEach
    void people() {
        PharmacyPeople people = new PharmacyPeople(context);
        doctor = people.active(Role.DOCTOR);
        patient = people.active(Role.PATIENT);
        portalPharmacist = people.active(Role.PHARMACIST);
        otherPharmacist = people.active(Role.PHARMACIST);
        TestFunding.oneToken(context, patient);
        nodes = ConsortiumNodes.of(context);
        assertThat(nodes).as("the in-process consortium has several nodes").hasSizeGreaterThanOrEqualTo(2);
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void aQrDispensedAtOnceThroughTwoNodesIsFilledOnceAndTheLoserIsToldWhoDispensedItAndInWhichBlock() throws Exception {
        grantMedication();
        Map<String, Integer> winners = new TreeMap<>();
        for (int round = 0; round < ROUNDS; round++) {
            winners.merge(raceOneQr(round % 2 == 0), 1, Integer::sum);
        }
        System.out.println("dispensing races won: " + winners);
    }

    /**
     * One prescription's QR dispensed by the portal's pharmacist (home node) and by the other
     * pharmacist through a second node, neither refused by a dry run: the other's transaction is
     * sent the moment the portal's call is committed (past its dry run, while the outbox makes it
     * durable and signs it) if {@code otherFirst}, else the moment the portal's transaction is in
     * the home node's pool. Either way both wait for the same block; returns who won.
     */
    private String raceOneQr(boolean otherFirst) throws Exception {
        PrescriptionView issued = issuedAndSentToThePharmacy();
        Hash prescriptionId = issued.chainId();
        Address pharmacy = providerAccounts.addressOf(portalPharmacist.providerId()).orElseThrow();
        long unitPrice = as(portalPharmacist, () -> dispensary.unitPrice(issued.id())).baseUnits();
        Hash secret = Hash.wrap(HexFormat.of().parseHex(PrescriptionQr.parse(
                as(patient, () -> patientPrescriptions.qr(issued.id())).payload()).orElseThrow().secret()));
        // as every portal does (QrSecrets), the fill sets the secret it presents as the next secret hash
        Transaction elsewhere = signed(otherPharmacist, PrescriptionCalls.dispense(prescriptionId, 1, secret, secret, pharmacy, unitPrice,
                randomHash()));
        long supply = Tokens.supply(ledger.committedState());
        List<Invoice> invoicesBefore = InvoiceQueries.byPayer(ledger.committedState(), patient.ledgerAddress());

        Race<LedgerReceipt, Void> race = race(
                () -> as(portalPharmacist, () -> dispensary.dispense(issued.id(), 1L, "LOT-RACE/1", LocalDate.now().plusYears(1))),
                () -> {
                    if (otherFirst) {
                        Await.until("the portal's dispensing is committed, past its dry run", () -> !rows.fillsOf(issued.id()).isEmpty());
                    } else {
                        Await.until("the portal's dispensing is in the home node's pool",
                                () -> !nodes.get(0).mempool().pendingOf(portalPharmacist.ledgerAddress()).isEmpty());
                    }
                    nodes.get(1).submit(elsewhere, 5_000);
                    return null;
                });
        LedgerReceipt portal = race.first().get();
        assertThat(portal.txId()).as("the portal's dispensing was signed and sent").isNotNull();

        Fill winner = untilPresent("one fill of the prescription is on the chain",
                () -> PrescriptionQueries.fillsOf(ledger.committedState(), prescriptionId).stream().findFirst());
        boolean portalWon = winner.dispensingId().equals(portal.txId());
        String expectedReason = "already dispensed by " + winner.pharmacist() + " at block " + winner.dispensed().height();
        if (portalWon) {
            assertThat(winner.pharmacist()).isEqualTo(portalPharmacist.ledgerAddress());
            TransactionRejectedException refused = untilPresent("a node's block refused the other pharmacist's dispensing",
                    () -> Optional.ofNullable(ConsortiumNodes.refusalOf(elsewhere.id())));
            assertThat(refused.rule()).isEqualTo("prescriptions.alreadyDispensed");
            assertThat(refused.getMessage()).contains(expectedReason);
            Await.until("the portal's fill is settled", () -> rows.fillsOf(issued.id()).get(0).chainId() != null);
        } else {
            assertThat(winner.dispensingId()).isEqualTo(elsewhere.id());
            assertThat(winner.pharmacist()).isEqualTo(otherPharmacist.ledgerAddress());
            assertPortalLoserIsTold(issued.id(), portal, expectedReason, winner.dispensed().height());
        }
        Await.until("the losing dispensing is out of every pool", () -> nodes.stream()
                .noneMatch(n -> n.mempool().contains(portal.txId()) || n.mempool().contains(elsewhere.id())));

        var state = ledger.committedState();
        Prescription after = PrescriptionQueries.prescription(state, prescriptionId).orElseThrow();
        assertThat(PrescriptionQueries.fillsOf(state, prescriptionId)).as("exactly one dispensing committed").hasSize(1);
        assertThat(after.remaining()).as("one tablet dispensed of 30").isEqualTo(29);
        assertThat(InvoiceQueries.byPayer(state, patient.ledgerAddress())).as("one more invoice for the patient")
                .hasSize(invoicesBefore.size() + 1)
                .filteredOn(i -> i.id().equals(winner.dispensingId())).singleElement().satisfies(i -> {
                    assertThat(i.total()).isEqualTo(unitPrice);
                    assertThat(i.state()).isEqualTo(InvoiceState.OPEN);
                });
        assertThat(InvoiceQueries.invoice(state, portalWon ? elsewhere.id() : portal.txId())).as("no invoice for the loser").isEmpty();
        PrescriptionView seen = as(patient, () -> patientPrescriptions.mine()).stream().filter(v -> v.id().equals(issued.id()))
                .findFirst().orElseThrow();
        assertThat(seen.remaining()).isEqualTo(29);
        assertThat(seen.fills().stream().filter(f -> f.block() != null)).as("the patient sees one fill in a block").singleElement()
                .satisfies(f -> assertThat(f.block()).isEqualTo(winner.dispensed().height()));
        assertThat(seen.fills().stream().filter(f -> f.invoiceState() != null)).as("and one invoice").hasSize(1);
        assertThat(Tokens.supply(ledger.committedState())).as("no token created or lost").isEqualTo(supply);
        return portalWon ? "portal (home node)" : "other pharmacist (node " + nodes.get(1).name() + ")";
    }

    @Test
    void twoPaymentsOfOneInvoiceSentThroughTwoNodesAtOnceMoveItsTotalOnce() throws Exception {
        InvoiceFixture fixture = new InvoiceFixture(context);
        InvoiceFixture.Dispensed dispensed = fixture.dispense(patient, 1, 910_000);
        Hash invoiceId = dispensed.invoiceId();
        var before = ledger.committedState();
        long patientBefore = Tokens.balanceOf(before.view(), patient.ledgerAddress());
        long pharmacyBefore = Tokens.balanceOf(before.view(), fixture.pharmacy());
        long supply = Tokens.supply(before);
        long fee = ledger.minimumFee(InvoiceCalls.pay(invoiceId));
        long nonce = ledger.nextNonce(patient.ledgerAddress());
        Transaction first = signed(patient, nonce, InvoiceCalls.pay(invoiceId), fee);
        Transaction second = signed(patient, nonce + 1, InvoiceCalls.pay(invoiceId), fee);

        race(() -> {
            nodes.get(0).submit(second, 5_000); // the later nonce reaches the home node first
            return null;
        }, () -> {
            nodes.get(1).submit(first, 5_000);
            return null;
        });

        long paidAt = untilPresent("the first payment is in a block", () -> ledger.locate(first.id())).height();
        TransactionRejectedException refused = untilPresent("a node's block refused the second payment",
                () -> Optional.ofNullable(ConsortiumNodes.refusalOf(second.id())));
        assertThat(refused.rule()).isEqualTo("invoices.alreadyPaid");
        assertThat(refused.getMessage()).contains("was already paid in block " + paidAt);
        Await.until("the refused payment is out of every pool",
                () -> nodes.stream().noneMatch(n -> n.mempool().contains(second.id())));
        assertThat(ledger.locate(second.id())).as("the second payment is in no block").isEmpty();

        var after = ledger.committedState();
        Invoice invoice = InvoiceQueries.invoice(after, invoiceId).orElseThrow();
        assertThat(invoice.state()).isEqualTo(InvoiceState.PAID);
        assertThat(invoice.payment().orElseThrow().txId()).isEqualTo(first.id());
        assertThat(Tokens.balanceOf(after.view(), patient.ledgerAddress())).as("the patient is charged the total once, and one fee")
                .isEqualTo(patientBefore - 910_000 - fee);
        assertThat(Tokens.balanceOf(after.view(), fixture.pharmacy())).as("the pharmacy is paid the total once")
                .isEqualTo(pharmacyBefore + 910_000);
        assertThat(Tokens.supply(after)).as("no token created or lost").isEqualTo(supply);
        assertThatThrownBy(() -> as(patient, () -> invoicing.payInvoice(invoiceId))).as("the wallet offers no third payment")
                .isInstanceOf(InvoicePaymentException.class);
        assertThat(as(patient, () -> invoicing.myInvoices())).singleElement()
                .satisfies(i -> assertThat(i.status()).isEqualTo("paid in block " + paidAt));
    }

    /**
     * Was a design gap (the next secret was drawn by the dispensing portal, so a fill through another
     * portal left the patient's portal showing a spent code); the QR's secrets are now a reverse hash
     * chain whose seed only the patient's portal holds ({@code QrSecrets}), so the next code follows
     * from the chain whoever dispensed.
     */
    @Test
    void aPatientIsNeverShownAQrThatOpensNothingAfterAFillThroughAnotherNode() throws Exception {
        grantMedication();
        PrescriptionView issued = issuedAndSentToThePharmacy();
        Address pharmacy = providerAccounts.addressOf(portalPharmacist.providerId()).orElseThrow();
        long unitPrice = as(portalPharmacist, () -> dispensary.unitPrice(issued.id())).baseUnits();
        String before = as(patient, () -> patientPrescriptions.qr(issued.id())).payload();
        Hash secret = Hash.wrap(HexFormat.of().parseHex(PrescriptionQr.parse(before).orElseThrow().secret()));
        Transaction elsewhere = signed(otherPharmacist, PrescriptionCalls.dispense(issued.chainId(), 1, secret, secret, pharmacy,
                unitPrice, randomHash()));
        nodes.get(1).submit(elsewhere, 5_000);
        untilPresent("the other pharmacist's fill is in a block", () -> ledger.locate(elsewhere.id()));
        assertThat(as(patient, () -> patientPrescriptions.mine()).stream().filter(v -> v.id().equals(issued.id())).findFirst()
                .orElseThrow().remaining()).as("29 tablets are still to be dispensed").isEqualTo(29);

        Optional<String> shown;
        try {
            shown = Optional.of(as(patient, () -> patientPrescriptions.qr(issued.id())).payload());
        } catch (OperationNotAllowedException told) {
            shown = Optional.empty(); // the patient is told why there is no code to show: acceptable
        }
        assertThat(shown).as("the patient is shown the next code").isPresent().get().isNotEqualTo(before);
        shown.ifPresent(code -> assertThat(as(portalPharmacist, () -> dispensary.openCode(code)))
                .as("the code the patient is shown opens the prescription").isEqualTo(issued.id()));
        assertThatThrownBy(() -> as(portalPharmacist, () -> dispensary.openCode(before))).as("the code used elsewhere opens nothing")
                .hasMessage(Dispensary.DOES_NOT_OPEN);
    }

    // --- helpers

    /** What each side of a race returned (or threw), both started at the same moment. */
    private record Race<A, B>(Future<A> first, Future<B> second) {
    }

    private static <A, B> Race<A, B> race(Callable<A> one, Callable<B> other) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        try {
            Future<A> a = pool.submit(() -> {
                go.await();
                return one.call();
            });
            Future<B> b = pool.submit(() -> {
                go.await();
                return other.call();
            });
            go.countDown();
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).as("both sides of the race returned").isTrue();
            return new Race<>(a, b);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The portal's pharmacist lost in a block: the outbox settles the refusal and the dispense page says who won, and when. */
    private void assertPortalLoserIsTold(String prescription, LedgerReceipt portal, String expectedReason, long block) {
        Await.until("the portal's dispensing is settled as refused", Duration.ofSeconds(30),
                () -> rows.fillsOf(prescription).get(0).refused() != null);
        TransactionRejectedException raw = ConsortiumNodes.refusalOf(portal.txId());
        assertThat(raw).as("a node's block refused the portal's dispensing").isNotNull();
        assertThat(raw.rule()).isEqualTo("prescriptions.alreadyDispensed");
        assertThat(raw.getMessage()).contains(expectedReason);
        FillView refusedFill = as(portalPharmacist, () -> dispensary.status(prescription)).fills().stream()
                .filter(f -> f.refused() != null).findFirst().orElseThrow();
        assertThat(refusedFill.refused()).as("the pharmacist is told in plain words who dispensed it, and in which block")
                .contains("This prescription was already dispensed by " + otherPharmacist.fullName() + " at block " + block
                        + ": the QR code presented was used.");
    }

    private void grantMedication() {
        new PharmacyPeople(context).consent(doctor, patient, Set.of(RecordCategory.MEDICATION));
    }

    /** A new prescription of 30 tablets, issued on the chain and sent by the patient to the pharmacy. */
    private PrescriptionView issuedAndSentToThePharmacy() {
        PrescriptionView written = as(doctor, () -> prescribing.prescribe(patient.ledgerAddress(), new PrescriptionDraft(LISINOPRIL,
                "1 tablet", "Oral", "once a day", 30, 30L, 0, null, null, "ICD-10", "I10", "Essential (primary) hypertension",
                "Each race needs a fresh prescription of the same medicine")));
        Await.until("the prescription is issued", () -> as(patient, () -> patientPrescriptions.mine()).stream()
                .anyMatch(v -> v.id().equals(written.id()) && v.state() == RxState.ISSUED));
        return as(patient, () -> patientPrescriptions.sendTo(written.id(), portalPharmacist.providerId()));
    }

    private Transaction signed(UserProfile signer, ContractCall call) {
        return signed(signer, ledger.nextNonce(signer.ledgerAddress()), call, ledger.minimumFee(call));
    }

    private Transaction signed(UserProfile signer, long nonce, ContractCall call, long fee) {
        return custody.withPrivateKey(signer.id(), key -> ledger.sign(key, nonce, call, fee));
    }

    private static Hash randomHash() {
        byte[] bytes = new byte[Hash.LENGTH];
        RANDOM.nextBytes(bytes);
        return Hash.wrap(bytes);
    }

    private static <T> T untilPresent(String what, Supplier<Optional<T>> value) {
        Await.until(what, Duration.ofSeconds(30), () -> value.get().isPresent());
        return value.get().orElseThrow();
    }

    private static <T> T as(UserProfile user, Supplier<T> action) {
        return TestAccounts.as(user.username(), user.role(), action);
    }
}
