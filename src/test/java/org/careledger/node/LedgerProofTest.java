package org.careledger.node;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.careledger.Await;
import org.careledger.IntegrationTest;
import org.careledger.cli.LedgerCli;
import org.careledger.contracts.Anchors;
import org.careledger.contracts.Contracts;
import org.careledger.contracts.ProofSubjects;
import org.careledger.contracts.RecordCategory;
import org.careledger.contracts.Registry;
import org.careledger.crypto.DevAccounts;
import org.careledger.crypto.PrivateKey;
import org.careledger.identity.DemoAccounts;
import org.careledger.ledger.GenesisJson;
import org.careledger.ledger.Hash;
import org.careledger.ledger.ProofBundle;
import org.careledger.ledger.Transaction;
import org.careledger.ledger.TxLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LedgerProofTest extends IntegrationTest {

    private static final PrivateKey PATIENT = DevAccounts.ganacheAccount(DemoAccounts.PATIENT.devAccountIndex());

    @Autowired
    LedgerService ledger;

    @TempDir
    Path work;

    private record Run(int exitCode, String out) {
    }

    private static Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        int code = LedgerCli.run(args, o, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8).strip());
    }

    private Transaction anchorCommitted(String entryId, Hash saltedHash) throws InterruptedException {
        Await.until("the demo patient is registered on the ledger",
                () -> Registry.roleOf(ledger.committedState().view(), PATIENT.address()).filter("PATIENT"::equals).isPresent());
        Transaction tx = ledger.submit(PATIENT, Anchors.anchor(PATIENT.address(), entryId, 1, RecordCategory.LAB_RESULT, saltedHash), 0);
        ledger.awaitCommitted(tx.id(), Duration.ofSeconds(30));
        return tx;
    }

    @Test
    void aCommittedAnchorsProofDownloadsAsAFileThatTheCommandLineFindsValidAndATamperedOneInvalid() throws Exception {
        Hash saltedHash = Hash.sha256("salted lab result".getBytes(StandardCharsets.UTF_8));
        String entryId = "lab-" + System.nanoTime();
        Transaction tx = anchorCommitted(entryId, saltedHash);

        TxLocation at = ledger.locate(tx.id()).orElseThrow();
        assertThat(ledger.tip().height()).isGreaterThanOrEqualTo(at.height());
        Map<String, Object> subject = ProofSubjects.anchor(PATIENT.address(), entryId, 1, RecordCategory.LAB_RESULT, saltedHash);
        ProofBundle bundle = ledger.proofOf(tx.id(), subject).orElseThrow();
        Path proof = work.resolve("proof.json");
        Files.writeString(proof, bundle.toJson());
        Path genesis = work.resolve("genesis.json");
        GenesisJson.write(ledger.genesis(), Contracts.standard(), genesis);

        Run verify = cli("ledger", "proof", "verify", proof.toString(), "--genesis", genesis.toString());
        assertThat(verify.exitCode()).as(verify.out()).isZero();
        assertThat(verify.out()).isEqualTo("valid height=" + at.height() + " block=" + at.blockHash().hex());
        assertThat(Files.readString(proof)).contains("\"kind\" : \"anchor\"", "\"entryId\" : \"" + entryId + "\"");

        String json = Files.readString(proof);
        Matcher m = Pattern.compile("\"transaction\" : \"([0-9a-f]+)\"").matcher(json);
        assertThat(m.find()).isTrue();
        String txHex = m.group(1);
        int i = txHex.length() - 20; // a byte of the signature: the transaction still decodes, its id changes
        String flipped = txHex.substring(0, i) + (txHex.charAt(i) == '0' ? '1' : '0') + txHex.substring(i + 1);
        Path tampered = work.resolve("tampered.json");
        Files.writeString(tampered, json.replace(txHex, flipped));
        Run bad = cli("ledger", "proof", "verify", tampered.toString(), "--genesis", genesis.toString());
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.out()).startsWith("invalid rule=merkleProof: ");
    }

    @Test
    void aProofWhoseSubjectClaimsAnotherVersionIsRefusedByThePortalAndByTheCommandLine() throws Exception {
        Hash saltedHash = Hash.sha256("another result".getBytes(StandardCharsets.UTF_8));
        String entryId = "lab-" + System.nanoTime();
        Transaction tx = anchorCommitted(entryId, saltedHash);
        Map<String, Object> wrong = ProofSubjects.anchor(PATIENT.address(), entryId, 2, RecordCategory.LAB_RESULT, saltedHash);
        assertThatThrownBy(() -> ledger.proofOf(tx.id(), wrong)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("version=2");

        Map<String, Object> right = ProofSubjects.anchor(PATIENT.address(), entryId, 1, RecordCategory.LAB_RESULT, saltedHash);
        Path proof = work.resolve("proof.json");
        String json = ledger.proofOf(tx.id(), right).orElseThrow().toJson();
        String claimsVersion2 = json.replaceFirst("(\"version\" : )1(,\\s*\"category\")", "$12$2");
        assertThat(claimsVersion2).isNotEqualTo(json);
        Files.writeString(proof, claimsVersion2);
        Run verify = cli("ledger", "proof", "verify", proof.toString());
        assertThat(verify.exitCode()).isEqualTo(1);
        assertThat(verify.out()).startsWith("invalid rule=subject: ");
    }

    @Test
    void anUnknownTransactionHasNoLocationAndNoProof() {
        Hash unknown = Hash.sha256("never submitted".getBytes(StandardCharsets.UTF_8));
        assertThat(ledger.locate(unknown)).isEmpty();
        assertThat(ledger.proofOf(unknown, Map.of())).isEmpty();
    }
}
