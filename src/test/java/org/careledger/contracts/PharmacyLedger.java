package org.careledger.contracts;

import java.util.List;

import org.careledger.crypto.Address;
import org.careledger.crypto.DevAccounts;
import org.careledger.crypto.PrivateKey;
import org.careledger.ledger.Block;
import org.careledger.ledger.BlockRules;
import org.careledger.ledger.Chain;
import org.careledger.ledger.ChainUpdate;
import org.careledger.ledger.ContractCall;
import org.careledger.ledger.Genesis;
import org.careledger.ledger.Hash;
import org.careledger.ledger.SignatureCache;
import org.careledger.ledger.TestChains;
import org.careledger.ledger.Transaction;
import org.careledger.ledger.TransactionRejectedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careledger.contracts.ConsentLedger.*;

/**
 * A test chain set up for the medicine flow, in real signed transactions in real blocks: the
 * consent ledger's users, pharmacists, pharmacy and hospital accounts with their affiliations, the
 * doctor's consent to the patient's MEDICATION and DIAGNOSIS, another doctor's to DIAGNOSIS only, and
 * {@value #PATIENT_TOKENS} tokens for the patient and {@value #PHARMACY_TOKENS} for the pharmacy's fees. Its clock lets blocks run a year and more past
 * genesis, so expiry and the reversal window are reached by block time. Every block it mines is
 * checked to conserve the token supply.
 */
final class PharmacyLedger {

    static final PrivateKey PHARMACIST = DevAccounts.ganacheAccount(15);
    static final PrivateKey OTHER_PHARMACIST = DevAccounts.ganacheAccount(16); // works for OTHER_PHARMACY
    static final PrivateKey LONE_PHARMACIST = DevAccounts.ganacheAccount(17); // registered, affiliated with no one
    static final PrivateKey HOSPITAL_PHARMACIST = DevAccounts.ganacheAccount(18); // works for HOSPITAL
    static final PrivateKey PHARMACY = DevAccounts.ganacheAccount(19);
    static final PrivateKey OTHER_PHARMACY = DevAccounts.ganacheAccount(20);
    static final PrivateKey HOSPITAL = DevAccounts.ganacheAccount(21);
    /** Funded by the genesis; pays the pharmacy its token for fees. */
    static final PrivateKey FUNDER = DevAccounts.ganacheAccount(3);

    static final long TOKEN = Genesis.UNITS_PER_TOKEN;
    static final long FEE = Genesis.Parameters.dev().minFee();
    static final long PATIENT_TOKENS = 50;
    /** What the pharmacy account holds before it is paid anything: enough for the fees of cancelling invoices. */
    static final long PHARMACY_TOKENS = 1;
    /** Acetaminophen 325 MG Oral Tablet. */
    static final String MEDICINE = "313782";
    static final Hash CONTENT = hashOf("sealed prescription content");
    static final Hash PACK = hashOf("batch B-17|expires 2027-06");
    static final long SET_UP = T0 + 3000;

    final ConsentLedger ledger;
    /** The doctor's grant of MEDICATION and DIAGNOSIS, and the other doctor's of DIAGNOSIS alone. */
    final Hash medicationGrant;
    final Hash diagnosisGrant;
    private long time;
    private int secrets;

    private PharmacyLedger(ConsentLedger ledger, Hash medicationGrant, Hash diagnosisGrant) {
        this.ledger = ledger;
        this.medicationGrant = medicationGrant;
        this.diagnosisGrant = diagnosisGrant;
        this.time = SET_UP;
    }

    static PharmacyLedger open() {
        return open(Contracts.standard());
    }

    static PharmacyLedger open(Contracts contracts) {
        ConsentLedger ledger = ConsentLedger.withUsers(chain(contracts));
        Transaction medication = ledger.sign(DOCTOR, ConsentCalls.request(PATIENT.address(), Purpose.TREATMENT,
                List.of(RecordCategory.MEDICATION, RecordCategory.DIAGNOSIS), 500 * DAY, null));
        Transaction diagnosis = ledger.sign(OTHER_DOCTOR, ConsentCalls.request(PATIENT.address(), Purpose.SECOND_OPINION,
                List.of(RecordCategory.DIAGNOSIS), 500 * DAY, null));
        ledger.mine(T0 + 2000,
                ledger.sign(ADMIN, Registry.register(PHARMACIST.address(), "PHARMACIST"), 0),
                ledger.sign(ADMIN, Registry.register(OTHER_PHARMACIST.address(), "PHARMACIST"), 1),
                ledger.sign(ADMIN, Registry.register(LONE_PHARMACIST.address(), "PHARMACIST"), 2),
                ledger.sign(ADMIN, Registry.register(HOSPITAL_PHARMACIST.address(), "PHARMACIST"), 3),
                ledger.sign(ADMIN, Registry.register(PHARMACY.address(), "PHARMACY"), 4),
                ledger.sign(ADMIN, Registry.register(OTHER_PHARMACY.address(), "PHARMACY"), 5),
                ledger.sign(ADMIN, Registry.register(HOSPITAL.address(), "HOSPITAL"), 6),
                ledger.signWithFee(STRANGER, Tokens.transfer(PATIENT.address(), PATIENT_TOKENS * TOKEN), 0, FEE),
                ledger.signWithFee(FUNDER, Tokens.transfer(PHARMACY.address(), PHARMACY_TOKENS * TOKEN), 0, FEE),
                medication, diagnosis);
        ledger.mine(SET_UP,
                ledger.sign(ADMIN, Registry.affiliate(PHARMACIST.address(), PHARMACY.address()), 0),
                ledger.sign(ADMIN, Registry.affiliate(OTHER_PHARMACIST.address(), OTHER_PHARMACY.address()), 1),
                ledger.sign(ADMIN, Registry.affiliate(HOSPITAL_PHARMACIST.address(), HOSPITAL.address()), 2),
                ledger.sign(PATIENT, ConsentCalls.grant(medication.id(), List.of(RecordCategory.MEDICATION, RecordCategory.DIAGNOSIS),
                        500 * DAY), 0),
                ledger.sign(PATIENT, ConsentCalls.grant(diagnosis.id(), List.of(RecordCategory.DIAGNOSIS), 500 * DAY), 1));
        return new PharmacyLedger(ledger, medication.id(), diagnosis.id());
    }

    /** A chain whose clock stands two years after genesis, so blocks may be dated up to then. */
    static Chain chain(Contracts contracts) {
        return new Chain(TestChains.GENESIS, contracts,
                new BlockRules(TestChains.GENESIS, () -> T0 + 2 * 366 * DAY, new SignatureCache(10_000)));
    }

    // --- transactions and blocks

    /** {@code call} signed by {@code key} at its next nonce plus {@code ahead}, with the fee its contract asks. */
    Transaction sign(PrivateKey key, ContractCall call, int ahead) {
        return ledger.signWithFee(key, call, ahead, state().minimumFee(call));
    }

    Transaction sign(PrivateKey key, ContractCall call) {
        return sign(key, call, 0);
    }

    /** Mines the transactions a second after the last block; every one must be included. */
    Block mine(Transaction... txs) {
        return mineAt(time + 1000, txs);
    }

    /** Mines the transactions into a block at {@code at}; every one must be included, and the supply is unchanged. */
    Block mineAt(long at, Transaction... txs) {
        time = at;
        Block block = ledger.mine(at, txs);
        assertThat(Tokens.supply(state())).as("the token supply after block %d", block.header().height())
                .isEqualTo(TestChains.GENESIS.totalSupply());
        return block;
    }

    /** Mines into a block at {@code at} those of {@code txs} that pass, in order; the supply is unchanged. */
    Block mineWhatPasses(long at, List<Transaction> txs) {
        time = at;
        Block block = TestChains.mineNext(ledger.chain, TestChains.SEALER_A, txs, at);
        assertThat(ledger.chain.add(block).kind()).isEqualTo(ChainUpdate.Kind.EXTENDED);
        ledger.blocks.add(block);
        assertThat(Tokens.supply(state())).as("the token supply after block %d", block.header().height())
                .isEqualTo(TestChains.GENESIS.totalSupply());
        return block;
    }

    Transaction mine(PrivateKey key, ContractCall call) {
        Transaction tx = sign(key, call);
        mine(tx);
        return tx;
    }

    /**
     * The rule refusing {@code call} signed by {@code key} a second after the last block, checked to
     * leave the state as it was; null if the call would be included.
     */
    String refusal(PrivateKey key, ContractCall call) {
        return refusalAt(time + 1000, key, call);
    }

    String refusalAt(long at, PrivateKey key, ContractCall call) {
        Transaction tx = sign(key, call);
        return ledger.refusal(tx, at) == null ? null : ledger.refusalLeavingStateUnchanged(tx, at);
    }

    /** The refusal of {@code call}, with its message. */
    TransactionRejectedException refused(PrivateKey key, ContractCall call) {
        TransactionRejectedException refused = ledger.refusalOf(sign(key, call), time + 1000);
        assertThat(refused).as("%s is refused", call).isNotNull();
        return refused;
    }

    // --- prescriptions

    /** A prescription and the secret the patient's QR carries now. */
    final class Rx {
        final Hash id;
        Hash secret;

        Rx(Hash id, Hash secret) {
            this.id = id;
            this.secret = secret;
        }

        Prescription onChain() {
            return PrescriptionQueries.prescription(state(), id).orElseThrow();
        }
    }

    /** A new one-time QR secret, different every time. */
    Hash newSecret() {
        return hashOf("qr secret " + ++secrets);
    }

    static Hash hashOfSecret(Hash secret) {
        return Hash.sha256(secret.bytes());
    }

    /** The doctor prescribes {@code quantity} of {@link #MEDICINE} with {@code refills}, valid {@code validity} ms, to the patient. */
    Rx issue(long quantity, long refills, long validity) {
        Hash secret = newSecret();
        Transaction tx = mine(DOCTOR, PrescriptionCalls.issue(PATIENT.address(), MEDICINE, quantity, refills, validity, CONTENT,
                hashOfSecret(secret)));
        return new Rx(tx.id(), secret);
    }

    /** A dispensing of {@code rx} presenting its current secret and a fresh next one. */
    ContractCall dispensing(Rx rx, long quantity, Address pharmacy, long unitPrice, Hash nextSecret) {
        return PrescriptionCalls.dispense(rx.id, quantity, rx.secret, hashOfSecret(nextSecret), pharmacy, unitPrice, PACK);
    }

    /** {@code pharmacist} dispenses {@code quantity} of {@code rx} for {@code pharmacy}; the QR's secret moves on. Returns the dispensing id. */
    Hash dispense(Rx rx, PrivateKey pharmacist, Address pharmacy, long quantity, long unitPrice) {
        Hash next = newSecret();
        Transaction tx = mine(pharmacist, dispensing(rx, quantity, pharmacy, unitPrice, next));
        rx.secret = next;
        return tx.id();
    }

    /** The pharmacist of {@link #PHARMACY} dispenses {@code quantity} at 2 tokens a unit. */
    Hash dispense(Rx rx, long quantity) {
        return dispense(rx, PHARMACIST, PHARMACY.address(), quantity, 2 * TOKEN);
    }

    // --- reading

    ContractState state() {
        return ledger.state();
    }

    long time() {
        return time;
    }

    long height() {
        return ledger.chain.height();
    }

    long balance(Address account) {
        return Tokens.balanceOf(state().view(), account);
    }

    long balance(PrivateKey key) {
        return balance(key.address());
    }

    Invoice invoice(Hash id) {
        return InvoiceQueries.invoice(state(), id).orElseThrow();
    }
}
