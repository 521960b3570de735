package org.careledger.wallet;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;

import org.careledger.Await;
import org.careledger.contracts.ConsentCalls;
import org.careledger.contracts.PrescriptionCalls;
import org.careledger.contracts.Purpose;
import org.careledger.contracts.RecordCategory;
import org.careledger.contracts.Registry;
import org.careledger.crypto.Address;
import org.careledger.identity.DemoAccounts;
import org.careledger.identity.UserDirectory;
import org.careledger.identity.UserProfile;
import org.careledger.ledger.ContractCall;
import org.careledger.ledger.Hash;
import org.careledger.node.LedgerService;
import org.careledger.outbox.LedgerOutbox;
import org.careledger.outbox.LedgerReceipt;
import org.careledger.outbox.QueuedCall;
import org.careledger.outbox.Signer;
import org.careledger.outbox.TestCalls;
import org.careledger.registry.ProviderAccounts;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Raises real invoices on the test chain, as a pharmacy's dispensing does: the patient grants the
 * demo doctor MEDICATION, the doctor prescribes, and the demo pharmacist dispenses it for the demo
 * pharmacy, each call queued through the outbox with its signer's custody key and waited for until
 * it is in a block. The dispensing's invoice (payer the patient, payee the pharmacy's account, id
 * the dispensing's transaction) is then open in the committed state.
 */
public final class InvoiceFixture {

    /** Acetaminophen 325 MG Oral Tablet. */
    public static final String MEDICINE = "313782";
    /** Its name in the catalogue, which the wallet shows for the line (the pharmacy names it). */
    public static final String MEDICINE_NAME = "Acetaminophen 325 MG Oral Tablet";
    private static final long DAYS_30 = Duration.ofDays(30).toMillis();
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final LedgerOutbox outbox;
    private final LedgerService ledger;
    private final TransactionTemplate transactions;
    private final ProviderAccounts providerAccounts;
    private final UserProfile doctor;
    private final UserProfile pharmacist;
    private final SecureRandom random = new SecureRandom();

    public InvoiceFixture(ApplicationContext ctx) {
        this.outbox = ctx.getBean(LedgerOutbox.class);
        this.ledger = ctx.getBean(LedgerService.class);
        this.transactions = ctx.getBean(TransactionTemplate.class);
        this.providerAccounts = ctx.getBean(ProviderAccounts.class);
        UserDirectory directory = ctx.getBean(UserDirectory.class);
        this.doctor = directory.findByUsername(DemoAccounts.DOCTOR.username()).orElseThrow();
        this.pharmacist = directory.findByUsername(DemoAccounts.PHARMACIST.username()).orElseThrow();
        Await.until("the demo doctor, pharmacist and pharmacy are on the registry, the pharmacist affiliated", WAIT, () -> {
            var state = ledger.committedState().view();
            return Registry.roleOf(state, doctor.ledgerAddress()).isPresent()
                    && Registry.roleOf(state, pharmacy()).isPresent()
                    && Registry.affiliationOf(state, pharmacist.ledgerAddress()).filter(pharmacy()::equals).isPresent();
        });
    }

    /** The demo pharmacy's own account: the payee of its invoices. */
    public Address pharmacy() {
        return providerAccounts.addressOf(pharmacist.providerId()).orElseThrow();
    }

    /**
     * {@code patient} (registered on the chain) is prescribed {@code quantity} of {@link #MEDICINE}
     * and the pharmacy dispenses all of it at {@code unitPrice} base units; returns the invoice's id.
     */
    public Dispensed dispense(UserProfile patient, long quantity, long unitPrice) {
        Hash request = commit(Signer.user(doctor.id()), ConsentCalls.request(patient.ledgerAddress(), Purpose.TREATMENT,
                List.of(RecordCategory.MEDICATION), DAYS_30, null));
        commit(Signer.user(patient.id()), ConsentCalls.grant(request, List.of(RecordCategory.MEDICATION), DAYS_30));
        Hash secret = randomHash();
        Hash prescription = commit(Signer.user(doctor.id()), PrescriptionCalls.issue(patient.ledgerAddress(), MEDICINE, quantity, 0,
                DAYS_30, randomHash(), Hash.sha256(secret.bytes())));
        Hash dispensing = commit(Signer.user(pharmacist.id()), PrescriptionCalls.dispense(prescription, quantity, secret,
                Hash.sha256(randomHash().bytes()), pharmacy(), unitPrice, randomHash()));
        return new Dispensed(dispensing, prescription);
    }

    /** The pharmacy reverses its dispensing: the invoice is refunded if paid, cancelled if open. */
    public void reverse(Dispensed dispensed) {
        commit(providerAccounts.signerOf(pharmacist.providerId()), PrescriptionCalls.reverse(dispensed.invoiceId()));
    }

    /** Queues {@code call} signed by {@code signer} and waits until it is in a block; returns its transaction's id. */
    private Hash commit(Signer signer, ContractCall call) {
        QueuedCall queued = transactions.execute(s -> outbox.queue(TestCalls.CALL, signer, null, "invoice fixture", call));
        LedgerReceipt receipt = outbox.awaitCommitted(queued, WAIT);
        assertThat(receipt.status()).as("%s by %s", call, signer).isEqualTo(LedgerReceipt.Status.COMMITTED);
        return receipt.txId();
    }

    private Hash randomHash() {
        byte[] bytes = new byte[Hash.LENGTH];
        random.nextBytes(bytes);
        return Hash.wrap(bytes);
    }

    /** A dispensing on the chain: its id is its invoice's; it dispensed prescription {@code prescriptionId}. */
    public record Dispensed(Hash invoiceId, Hash prescriptionId) {
    }
}
