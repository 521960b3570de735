package org.careledger.explorer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.careledger.Await;
import org.careledger.IntegrationTest;
import org.careledger.common.InvalidInputException;
import org.careledger.common.NotFoundException;
import org.careledger.common.OperationNotAllowedException;
import org.careledger.contracts.DevConsortium;
import org.careledger.contracts.Purpose;
import org.careledger.contracts.RecordCategory;
import org.careledger.contracts.Registry;
import org.careledger.crypto.DevAccounts;
import org.careledger.explorer.internal.ReceiptRow;
import org.careledger.explorer.internal.ReceiptRows;
import org.careledger.identity.DemoAccounts;
import org.careledger.identity.Role;
import org.careledger.identity.TestAccounts;
import org.careledger.identity.UserProfile;
import org.careledger.ledger.Hash;
import org.careledger.node.LedgerService;
import org.careledger.records.DoctorConsent;
import org.careledger.records.ProofDownload;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The explorer's services on the real ledger and database: a doctor asks two patients for consent,
 * and each reader (admin, doctor, each patient) sees what the rules say: blocks, transactions with
 * their decoded calls and effects, accounts, the search box's forms, proof bundles checked as the
 * command line checks them, and the read model rebuilt from the chain when its tables are emptied.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExplorerServicesTest extends IntegrationTest {

    @Autowired
    ApplicationContext ctx;
    @Autowired
    ChainExplorer chain;
    @Autowired
    AccountExplorer accounts;
    @Autowired
    ExplorerSearch search;
    @Autowired
    ProofChecker proofs;
    @Autowired
    LedgerService ledger;
    @Autowired
    ReceiptRows receipts;
    @Autowired
    ExplorerFeed feed;
    @Autowired
    JdbcClient jdbc;

    private UserProfile doctor;
    private UserProfile patient;
    private UserProfile otherPatient;
    private Hash toPatient;
    private Hash toOtherPatient;

    @BeforeAll
    void aDoctorAsksTwoPatientsForConsent() {
        TestAccounts people = new TestAccounts(ctx);
        doctor = people.active(Role.DOCTOR);
        patient = people.active(Role.PATIENT);
        otherPatient = people.active(Role.PATIENT);
        for (UserProfile p : List.of(doctor, patient, otherPatient)) {
            Await.until(p.fullName() + " is on the registry", () -> Registry.roleOf(ledger.committedState().view(), p.ledgerAddress()).isPresent());
        }
        DoctorConsent consent = ctx.getBean(DoctorConsent.class);
        toPatient = TestAccounts.as(doctor, () -> consent.requestAccess(patient.ledgerAddress(), Purpose.TREATMENT,
                Set.of(RecordCategory.LAB_RESULT), Duration.ofDays(30), "follow-up")).txId();
        toOtherPatient = TestAccounts.as(doctor, () -> consent.requestAccess(otherPatient.ledgerAddress(), Purpose.REFERRAL,
                Set.of(RecordCategory.ALLERGY, RecordCategory.MEDICATION), Duration.ofHours(12), null)).txId();
        ledger.awaitCommitted(toPatient, Duration.ofSeconds(30));
        ledger.awaitCommitted(toOtherPatient, Duration.ofSeconds(30));
        Await.until("the read model has both requests", () -> receipts.find(toPatient.hex()).isPresent()
                && receipts.find(toOtherPatient.hex()).isPresent());
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void theOverviewShowsTheChainsCountersAndItsLatestBlocksAndTransactions() {
        ExplorerOverview o = asAdmin(() -> chain.overview());

        assertThat(o.chain().height()).isGreaterThanOrEqualTo(ledger.committedTransaction(toOtherPatient).orElseThrow().location().height());
        assertThat(o.chain().transactions()).isGreaterThanOrEqualTo(2);
        assertThat(o.chain().sampledBlocks()).isPositive();
        assertThat(o.latestBlocks()).isNotEmpty().hasSizeLessThanOrEqualTo(ChainExplorer.LATEST);
        assertThat(o.latestBlocks().get(0).height()).isEqualTo(o.chain().height());
        assertThat(o.latestTransactions()).isNotEmpty();
        assertThat(o.onlyYours()).isFalse();
    }

    @Test
    void aPatientsOverviewListsOnlyTransactionsAboutTheirOwnAccount() {
        ExplorerOverview o = TestAccounts.as(patient, () -> chain.overview());

        assertThat(o.onlyYours()).isTrue();
        assertThat(o.latestTransactions()).extracting(TxRow::id).contains(toPatient).doesNotContain(toOtherPatient);
    }

    @Test
    void aConsentRequestShowsItsDecodedCallAndTheConsentItOpenedNamingThePatientOnlyToAdminsAndThemselves() {
        TxDetails byAdmin = asAdmin(() -> chain.transaction(toPatient.hex()));
        assertThat(byAdmin.status()).isEqualTo(TxStatus.COMMITTED);
        assertThat(byAdmin.where()).isEqualTo("in block " + byAdmin.height());
        assertThat(byAdmin.contract() + "." + byAdmin.method()).isEqualTo("consent.request");
        assertThat(byAdmin.sender().name()).isEqualTo(doctor.fullName());
        assertThat(byAdmin.nonce()).isNotNull();
        assertThat(byAdmin.arguments().get(0).address().name()).isEqualTo(patient.fullName());
        assertThat(byAdmin.arguments().get(4).type()).as("the note travels as its salted hash").isEqualTo("digest");
        TxDetails.Effect opened = byAdmin.effects().get(0);
        assertThat(opened.change()).isEqualTo("request opened");
        assertThat(opened.subject()).isEqualTo(toPatient);
        assertThat(opened.patient().name()).isEqualTo(patient.fullName());
        assertThat(opened.doctor().name()).isEqualTo(doctor.fullName());
        assertThat(opened.detail()).startsWith("purpose TREATMENT, categories LAB_RESULT, for 30 days, note hash ")
                .doesNotContain("follow-up");

        TxDetails byStaff = TestAccounts.as(doctor, () -> chain.transaction(toPatient.hex()));
        assertThat(byStaff.sender().name()).isEqualTo(doctor.fullName());
        assertThat(byStaff.arguments().get(0).address().name()).as("a patient is unnamed to staff").isNull();
        assertThat(byStaff.effects().get(0).patient().name()).isNull();

        TxDetails byPatient = TestAccounts.as(patient, () -> chain.transaction("0x" + toPatient.hex().toUpperCase()));
        assertThat(byPatient.effects().get(0).patient().name()).isEqualTo(patient.fullName());
    }

    @Test
    void aPatientIsRefusedAnotherPatientsConsentTransaction() {
        assertThatThrownBy(() -> TestAccounts.as(patient, () -> chain.transaction(toOtherPatient.hex())))
                .isInstanceOf(OperationNotAllowedException.class).hasMessageContaining("not about your account");
        assertThatThrownBy(() -> TestAccounts.as(patient, () -> chain.proofOf(toOtherPatient.hex())))
                .isInstanceOf(OperationNotAllowedException.class);
    }

    @Test
    void anUnknownOrMalformedTransactionIdIsToldAsSuch() {
        assertThatThrownBy(() -> asAdmin(() -> chain.transaction("ab".repeat(32)))).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("This chain has no transaction");
        assertThatThrownBy(() -> asAdmin(() -> chain.transaction("xyz"))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aBlockPageShowsEveryHeaderFieldAndToAPatientOnlyTheirOwnTransactions() {
        long height = ledger.committedTransaction(toOtherPatient).orElseThrow().location().height();
        BlockDetails b = asAdmin(() -> chain.block(String.valueOf(height)));
        assertThat(b.height()).isEqualTo(height);
        assertThat(b.previousHash()).isEqualTo(ledger.headerAt(height - 1).orElseThrow().hash());
        assertThat(b.merkleRoot()).isNotNull();
        assertThat(b.stateRoot()).isNotNull();
        assertThat(b.sealerNode()).isIn(DevConsortium.NAMES);
        assertThat(b.sealer().name()).isEqualTo("node " + b.sealerNode());
        assertThat(b.miningTime()).isNotNull();
        assertThat(b.sizeBytes()).isEqualTo(ledger.blockAt(height).orElseThrow().sizeBytes());
        assertThat(b.transactions()).extracting(TxRow::id).contains(toOtherPatient);
        assertThat(asAdmin(() -> chain.block(b.hash().hex())).height()).as("by hash too").isEqualTo(height);

        BlockDetails seenByPatient = TestAccounts.as(patient, () -> chain.block(String.valueOf(height)));
        assertThat(seenByPatient.onlyYours()).isTrue();
        assertThat(seenByPatient.transactionCount()).isEqualTo(b.transactionCount());
        assertThat(seenByPatient.transactions()).extracting(TxRow::id).doesNotContain(toOtherPatient);

        assertThat(asAdmin(() -> chain.block("0")).genesis()).isTrue();
        assertThatThrownBy(() -> asAdmin(() -> chain.block(String.valueOf(height + 1_000_000)))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void theBlockListPagesNewestFirstDownToGenesis() {
        List<BlockRow> newest = asAdmin(() -> chain.blocks(null));
        assertThat(newest).isNotEmpty();
        assertThat(newest).extracting(BlockRow::height).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        List<BlockRow> first = asAdmin(() -> chain.blocks(1L));
        assertThat(first).extracting(BlockRow::height).containsExactly(1L, 0L);
    }

    @Test
    void anAccountPageShowsBalanceNonceRoleAndItsTransactionsAndAPatientOnlyTheirOwn() {
        AccountDetails mine = TestAccounts.as(patient, () -> accounts.account(patient.ledgerAddress().toString(), null));
        assertThat(mine.account().name()).isEqualTo(patient.fullName());
        assertThat(mine.chainRole()).isEqualTo("PATIENT");
        assertThat(mine.transactions().items()).extracting(TxRow::id).contains(toPatient).doesNotContain(toOtherPatient);

        AccountDetails seenByDoctor = TestAccounts.as(doctor, () -> accounts.account(patient.ledgerAddress().toLowerHex(), null));
        assertThat(seenByDoctor.account().name()).as("staff do not read a patient's name").isNull();
        AccountDetails doctorsOwn = TestAccounts.as(patient, () -> accounts.account(patient.ledgerAddress().toString(), null));
        assertThat(doctorsOwn.balance()).isEqualTo(mine.balance());

        assertThatThrownBy(() -> TestAccounts.as(patient, () -> accounts.account(otherPatient.ledgerAddress().toString(), null)))
                .isInstanceOf(OperationNotAllowedException.class);
        assertThatThrownBy(() -> TestAccounts.as(doctor, () -> accounts.account("0x1234", null))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void anAccountsTransactionsArePagedByKeysetWithoutOverlap() {
        String doctorAddress = doctor.ledgerAddress().toLowerHex();
        List<String> first = receipts.pageOf(doctorAddress, null, 1);
        ReceiptRow r = receipts.find(first.get(0)).orElseThrow();
        List<String> second = receipts.pageOf(doctorAddress, new ReceiptRow.Position(r.height(), r.index()), 1);
        assertThat(first).hasSize(1);
        assertThat(second).hasSize(1).doesNotContainAnyElementsOf(first);
        assertThat(List.of(first.get(0), second.get(0))).containsExactlyInAnyOrder(toPatient.hex(), toOtherPatient.hex());
    }

    @Test
    void theDevChainsTenAccountsAreListedAsGanacheDoesWithTheirPublicTestKeys() {
        List<DevAccount> dev = asAdmin(() -> accounts.genesisAccounts());
        assertThat(dev).hasSize(10);
        for (int i = 0; i < 10; i++) {
            assertThat(dev.get(i).index()).isEqualTo(i);
            assertThat(dev.get(i).account().address()).isEqualTo(DevAccounts.ganacheAccount(i).address());
            assertThat(dev.get(i).keyAvailable()).isTrue();
        }
        assertThat(dev.get(DevConsortium.TREASURY_ACCOUNT).account().name()).isEqualTo("Treasury");
        assertThat(TestAccounts.as(doctor, () -> accounts.devKey(0)))
                .isEqualTo("0x" + HexFormat.of().formatHex(DevAccounts.ganacheAccount(0).bytes()));
        assertThatThrownBy(() -> TestAccounts.as(patient, () -> accounts.genesisAccounts())).isInstanceOf(OperationNotAllowedException.class);
        assertThatThrownBy(() -> asAdmin(() -> accounts.devKey(10))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void theSearchBoxTakesAHeightABlockHashATransactionIdAndAnAddressInEitherForm() {
        long height = ledger.committedTransaction(toPatient).orElseThrow().location().height();
        Hash blockHash = ledger.committedTransaction(toPatient).orElseThrow().location().blockHash();
        String eip55 = patient.ledgerAddress().toString();
        asAdmin(() -> {
            assertThat(search.find(" " + height + " ")).isEqualTo("explorer/block/" + height);
            assertThat(search.find(blockHash.hex())).isEqualTo("explorer/block/" + blockHash.hex());
            assertThat(search.find("0x" + toPatient.hex())).isEqualTo("explorer/tx/" + toPatient.hex());
            assertThat(search.find(eip55)).isEqualTo("explorer/address/" + eip55);
            assertThat(search.find(eip55.toLowerCase())).isEqualTo("explorer/address/" + eip55);
            assertThatThrownBy(() -> search.find("hello")).isInstanceOf(NotFoundException.class)
                    .hasMessage("Nothing on this chain matches \"hello\"");
            assertThatThrownBy(() -> search.find("99999999999")).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> search.find("cd".repeat(32))).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> search.find(wrongChecksum(eip55))).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> search.find("  ")).isInstanceOf(InvalidInputException.class);
            return null;
        });
    }

    @Test
    void aProofBundleIsValidAsJsonAndAsItsQrCodeAndInvalidWhenTamperedOrOfAnotherChain() {
        ProofDownload proof = TestAccounts.as(patient, () -> chain.proofOf(toPatient.hex())).orElseThrow();
        long height = ledger.committedTransaction(toPatient).orElseThrow().location().height();

        ProofVerdict json = TestAccounts.as(patient, () -> proofs.check(proof.jsonBytes()));
        assertThat(json.valid()).isTrue();
        assertThat(json.height()).isEqualTo(height);
        assertThat(json.subject()).containsEntry("kind", "consent").containsEntry("method", "request");
        assertThat(json.summary()).startsWith("Valid");

        ProofVerdict qr = TestAccounts.as(patient, () -> proofs.check(proof.qrPng()));
        assertThat(qr.valid()).isTrue();

        String text = proof.json();
        String tampered = text.replace("\"method\" : \"request\"", "\"method\" : \"grant\"").replace("\"method\": \"request\"", "\"method\": \"grant\"");
        assertThat(tampered).isNotEqualTo(text);
        ProofVerdict lie = asAdmin(() -> proofs.check(tampered.getBytes(StandardCharsets.UTF_8)));
        assertThat(lie.valid()).isFalse();
        assertThat(lie.rule()).isEqualTo("subject");
        assertThat(lie.summary()).startsWith("Invalid");

        Hash ours = ledger.headerAt(0).orElseThrow().hash();
        Hash theirs = DevConsortium.genesisHeader(DevConsortium.genesis(1_000)).hash();
        ProofVerdict foreign = asAdmin(() -> proofs.check(text.replace(ours.hex(), theirs.hex()).getBytes(StandardCharsets.UTF_8)));
        assertThat(foreign.valid()).isFalse();
        assertThat(foreign.rule()).isEqualTo("genesis");

        assertThat(asAdmin(() -> proofs.check("{}".getBytes(StandardCharsets.UTF_8))).rule()).isEqualTo("encoding");
        assertThatThrownBy(() -> asAdmin(() -> proofs.check(new byte[0]))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void theReadModelIsRebuiltFromTheChainWhenItsTablesAreEmptied() throws Exception {
        jdbc.sql("DELETE FROM explorer_address_txs").update();
        jdbc.sql("DELETE FROM explorer_effects").update();
        jdbc.sql("DELETE FROM explorer_receipts").update();
        assertThat(receipts.find(toPatient.hex())).isEmpty();

        feed.catchUpInBackground().get();

        ReceiptRow rebuilt = receipts.find(toPatient.hex()).orElseThrow();
        assertThat(rebuilt.status()).isEqualTo(ReceiptRow.COMMITTED);
        assertThat(rebuilt.height()).isEqualTo(ledger.committedTransaction(toPatient).orElseThrow().location().height());
        assertThat(rebuilt.effects()).extracting(ReceiptRow.EffectRow::change).containsExactly("request opened");
        assertThat(receipts.concerns(patient.ledgerAddress().toLowerHex(), toPatient.hex())).isTrue();
        assertThat(receipts.appliedHeight()).isGreaterThanOrEqualTo(rebuilt.height());
    }

    private static <T> T asAdmin(java.util.function.Supplier<T> action) {
        return TestAccounts.as(DemoAccounts.ADMIN.username(), Role.ADMIN, action);
    }

    private static String wrongChecksum(String eip55) {
        char[] c = eip55.toCharArray();
        for (int i = 2; i < c.length; i++) {
            if (Character.isLetter(c[i])) {
                c[i] = Character.isUpperCase(c[i]) ? Character.toLowerCase(c[i]) : Character.toUpperCase(c[i]);
                return new String(c);
            }
        }
        throw new IllegalStateException("no letter in " + eip55);
    }
}
