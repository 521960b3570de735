package org.careledger.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.careledger.contracts.Contracts;
import org.careledger.contracts.DevConsortium;
import org.careledger.ledger.GenesisJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class LedgerCliTest {

    private static final int N = 300;
    private static final Pattern COMMITTED = Pattern.compile("committed height=(\\d+) txs=(\\d+) total=(\\d+)");
    private static final Pattern RETRACTED = Pattern.compile("retracted height=(\\d+) txs=(\\d+) total=(\\d+) \\(a reorganisation replaced the block\\)");
    private static final Pattern THROUGHPUT = Pattern.compile("throughput tx_per_s=\\d+\\.\\d ceiling_tx_per_s=\\d+\\.\\d ratio=\\d+\\.\\d{3} run=1/1");
    private static final Pattern REFERENCE = Pattern.compile("reference provider=(native|bouncycastle) windows=2 verifications_per_s"
            + " min=\\d+ median=\\d+ max=\\d+ spread=\\d+\\.\\d% load=(\\d+\\.\\d\\d-\\d+\\.\\d\\d|n/a)");
    private static final Pattern MEDIAN = Pattern.compile("median runs=1 tx_per_s=\\d+\\.\\d ceiling_tx_per_s=\\d+\\.\\d ratio=\\d+\\.\\d{3}"
            + " ratio_min=\\d+\\.\\d{3} ratio_max=\\d+\\.\\d{3}");
    private static final Pattern VALID = Pattern.compile("valid height=(\\d+) transactions=" + N + " tip=[0-9a-f]{64}");

    @TempDir
    static Path shared;
    static Path benchDir;
    static Cli bench;

    @TempDir
    Path work;

    @BeforeAll
    static void runTheBenchOnce() {
        benchDir = shared.resolve("bench");
        bench = Cli.run("ledger", "bench", "--data-dir", benchDir.toString(), "--transactions", Integer.toString(N), "--threads", "1");
    }

    private Path copyOfBenchDir() throws IOException {
        return Cli.copyDataDir(benchDir, work.resolve("copy"));
    }

    private static Path blockFile(Path dir, String node) {
        return dir.resolve("nodes").resolve(node).resolve("blocks").resolve("blocks-00000.dat");
    }

    @Test
    void benchPrintsEachCommittedBlockUntilAllTransfersAreInAndThenTheThroughput() {
        assertThat(bench.exitCode()).as(bench.err()).isZero();
        List<String> committed = bench.lines().stream().filter(l -> l.startsWith("committed ") || l.startsWith("retracted ")).toList();
        assertThat(committed).isNotEmpty().allMatch(l -> COMMITTED.matcher(l).matches() || RETRACTED.matcher(l).matches());
        long sum = 0;
        long previousHeight = 0;
        for (String line : committed) {
            Matcher m = COMMITTED.matcher(line);
            if (m.matches()) {
                long height = Long.parseLong(m.group(1));
                assertThat(height).isEqualTo(previousHeight + 1);
                previousHeight = height;
                sum += Long.parseLong(m.group(2));
            } else {
                m = RETRACTED.matcher(line);
                assertThat(m.matches()).isTrue();
                assertThat(Long.parseLong(m.group(1))).as("the highest block reported goes first").isEqualTo(previousHeight);
                previousHeight--;
                sum -= Long.parseLong(m.group(2));
            }
            assertThat(Long.parseLong(m.group(3))).isEqualTo(sum);
        }
        assertThat(sum).isEqualTo(N);
        List<String> lines = bench.lines();
        assertThat(lines.subList(lines.size() - 3, lines.size())).satisfiesExactly(
                throughput -> assertThat(throughput).matches(THROUGHPUT),
                reference -> assertThat(reference).matches(REFERENCE),
                median -> assertThat(median).matches(MEDIAN));
        assertThat(benchDir.resolve("genesis.json")).exists();
    }

    @Test
    void benchMeasuresItsReferenceOnItsOwnSignaturesBeforeAndAfterAndSaysWhereTheCpuWent() {
        Matcher windows = Pattern.compile("reference (before|after): (\\d+) verifications/s by .+ on 1 thread\\(s\\) "
                + "over the bench's own signatures \\(load (\\d+\\.\\d\\d|-1\\.00)\\)").matcher(bench.err());
        List<Long> rates = new java.util.ArrayList<>();
        while (windows.find()) {
            rates.add(Long.parseLong(windows.group(2)));
        }
        assertThat(rates).as(bench.err()).hasSize(2);
        Matcher summary = Pattern.compile("ceiling_tx_per_s=(\\d+\\.\\d)").matcher(bench.lines().stream()
                .filter(l -> l.startsWith("throughput ")).findFirst().orElseThrow());
        assertThat(summary.find()).isTrue();
        double faster = Math.max(rates.get(0), rates.get(1));
        assertThat(Double.parseDouble(summary.group(1))).as("the faster of the two, per node")
                .isCloseTo(faster / 3, org.assertj.core.data.Offset.offset(1.0));
        assertThat(bench.err()).containsPattern("cpu wall_s=\\d+\\.\\d\\d process_s=\\d+\\.\\d\\d .*network=\\d+\\.\\d\\d"
                + ".* jvm_jit_gc=\\d+\\.\\d\\d");
    }

    @Test
    void cpuGroupsNameThreadsWithoutTheirNodeOrNumber() {
        assertThat(CpuAccount.group("careledger-network-st-marys")).isEqualTo("network");
        assertThat(CpuAccount.group("careledger-miner-12")).isEqualTo("miner");
        assertThat(CpuAccount.group("careledger-bench-submit")).isEqualTo("bench-submit");
        assertThat(CpuAccount.group("careledger-bench-verify-1")).isEqualTo("bench-verify");
        assertThat(CpuAccount.group("main")).isEqualTo("main");
    }

    @Test
    void benchWarmsUpOnAThrowAwayChainThatItRemovesAndCountsOnlyTheMeasuredTransfers() {
        assertThat(bench.err()).contains("warmed up with " + 2 * N + " transfers on a throw-away chain");
        assertThat(benchDir.resolve("warm-up")).doesNotExist();
        assertThat(bench.lines()).filteredOn(l -> l.startsWith("committed ")).last().asString().endsWith("total=" + N);
    }

    @Test
    void verifyOfTheBenchDirectoryFindsEveryNodeValidWithAllTransfers() {
        Cli verify = Cli.run("ledger", "verify", "--data-dir", benchDir.toString());
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
        assertThat(verify.lines()).filteredOn(l -> l.startsWith("node=")).hasSize(3)
                .allMatch(l -> l.matches("node=(st-marys|riverside|northgate) valid height=\\d+ transactions=300 tip=[0-9a-f]{64} records=\\d+"));
        assertThat(verify.lastLine()).matches(VALID);
    }

    @Test
    void verifyOfOneNamedNodePrintsThatNodeOnly() {
        Cli verify = Cli.run("ledger", "verify", "--data-dir", benchDir.toString(), "--node", "riverside");
        assertThat(verify.exitCode()).isZero();
        assertThat(verify.lines()).hasSize(2);
        assertThat(verify.lines().get(0)).startsWith("node=riverside valid ");
    }

    @Test
    void aFlippedByteInAStoredBlockMakesVerifyFailNamingTheHeightAndLeavesTheFileAlone() throws IOException {
        Path dir = copyOfBenchDir();
        Path file = blockFile(dir, "riverside");
        byte[] bytes = Files.readAllBytes(file);
        bytes[20 + 60] ^= 0x01; // inside the payload of the first record (height 1)
        Files.write(file, bytes);
        Cli verify = Cli.run("ledger", "verify", "--data-dir", dir.toString());
        assertThat(verify.exitCode()).isEqualTo(1);
        assertThat(verify.out()).contains("node=riverside invalid height=1 rule=storeChecksum");
        assertThat(verify.lastLine()).startsWith("invalid height=1 rule=storeChecksum: ");
        assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
    }

    @Test
    void aTornTailIsReportedButIsNotInvalidAndVerifyDoesNotCutIt() throws IOException {
        Path dir = copyOfBenchDir();
        Path file = blockFile(dir, "northgate");
        long size = Files.size(file);
        // a crash mid-append: a record's header and a few payload bytes after the last committed record
        // (cutting into a committed record instead is lost data: the node's checkpoint may name that block)
        Files.write(file, java.util.Arrays.copyOf(Files.readAllBytes(file), 30), StandardOpenOption.APPEND);
        Cli verify = Cli.run("ledger", "verify", "--data-dir", dir.toString());
        assertThat(verify.exitCode()).as(verify.out()).isZero();
        assertThat(verify.out()).containsPattern("node=northgate valid height=\\d+ transactions=\\d+ tip=[0-9a-f]{64} records=\\d+ truncated_bytes=30");
        assertThat(verify.lastLine()).startsWith("valid height=");
        assertThat(Files.size(file)).isEqualTo(size + 30);
    }

    @Test
    void anExportedProofVerifiesOnItsOwnAndAgainstTheGenesis() {
        Path proof = work.resolve("proof.json");
        Cli export = Cli.run("ledger", "proof", "export", "--data-dir", benchDir.toString(), "--node", "st-marys",
                "--height", "1", "--index", "0", "--out", proof.toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        Cli verify = Cli.run("ledger", "proof", "verify", proof.toString());
        assertThat(verify.exitCode()).isZero();
        assertThat(verify.lastLine()).matches("valid height=1 block=[0-9a-f]{64}");
        Cli withGenesis = Cli.run("ledger", "proof", "verify", proof.toString(), "--genesis", benchDir.resolve("genesis.json").toString());
        assertThat(withGenesis.exitCode()).isZero();
        assertThat(withGenesis.out()).isEqualTo(verify.out());
    }

    @Test
    void aGenesisThatDiffersOnlyInItsBlockTimeRejectsTheBenchsChainAndItsProofs() {
        Path other = work.resolve("other-genesis.json");
        assertThat(Cli.run("ledger", "genesis", "export", "--out", other.toString(), "--block-time", "300").exitCode()).isZero();
        Cli verify = Cli.run("ledger", "verify", "--data-dir", benchDir.toString(), "--node", "st-marys", "--genesis", other.toString());
        assertThat(verify.exitCode()).isEqualTo(1);
        assertThat(verify.lastLine()).startsWith("invalid height=1 rule=genesis: the stored chain starts from genesis ");

        Path proof = exportProof();
        Cli proofVerify = Cli.run("ledger", "proof", "verify", proof.toString(), "--genesis", other.toString());
        assertThat(proofVerify.exitCode()).isEqualTo(1);
        assertThat(proofVerify.lastLine()).startsWith("invalid rule=genesis: ");
    }

    @Test
    void aProofWithOneDigitOfTheTransactionChangedIsInvalid() throws IOException {
        Path proof = exportProof();
        String json = Files.readString(proof);
        Matcher m = Pattern.compile("\"transaction\" : \"([0-9a-f]+)\"").matcher(json);
        assertThat(m.find()).isTrue();
        String tx = m.group(1);
        int at = tx.length() - 20; // inside the signature: still decodes, but the id changes
        String tampered = tx.substring(0, at) + (tx.charAt(at) == '0' ? '1' : '0') + tx.substring(at + 1);
        Files.writeString(proof, json.replace(tx, tampered));
        Cli verify = Cli.run("ledger", "proof", "verify", proof.toString());
        assertThat(verify.exitCode()).isEqualTo(1);
        assertThat(verify.lastLine()).matches("invalid rule=(merkleProof|encoding): .*");
    }

    @Test
    void aProofWithAMerkleSiblingChangedIsInvalidByMerkleProof() throws IOException {
        Path proof = exportProof();
        String json = Files.readString(proof);
        Matcher m = Pattern.compile("\"merklePath\" : \\[ \"([0-9a-f]{64})\"").matcher(json);
        assertThat(m.find()).as(json).isTrue();
        String sibling = m.group(1);
        String tampered = (sibling.charAt(0) == 'a' ? 'b' : 'a') + sibling.substring(1);
        Files.writeString(proof, json.replace(sibling, tampered));
        Cli verify = Cli.run("ledger", "proof", "verify", proof.toString());
        assertThat(verify.exitCode()).isEqualTo(1);
        assertThat(verify.lastLine()).startsWith("invalid rule=merkleProof: ");
    }

    @Test
    void aProofFileThatIsNotJsonIsInvalidByEncoding() throws IOException {
        Path proof = work.resolve("garbage.json");
        Files.writeString(proof, "{ not json");
        Cli verify = Cli.run("ledger", "proof", "verify", proof.toString());
        assertThat(verify.exitCode()).isEqualTo(1);
        assertThat(verify.lastLine()).startsWith("invalid rule=encoding: ");
    }

    private Path exportProof() {
        Path proof = work.resolve("proof.json");
        // the first block with at least two transactions has a Merkle path
        for (int height = 1; height < 200; height++) {
            Cli export = Cli.run("ledger", "proof", "export", "--data-dir", benchDir.toString(), "--node", "st-marys",
                    "--height", Integer.toString(height), "--index", "1", "--out", proof.toString());
            if (export.exitCode() == 0) {
                return proof;
            }
        }
        throw new AssertionError("no block with two transactions");
    }

    @Test
    void genesisExportWritesAGenesisThatReadsBackTheSame() throws IOException {
        Path file = work.resolve("genesis.json");
        Cli export = Cli.run("ledger", "genesis", "export", "--out", file.toString());
        assertThat(export.exitCode()).isZero();
        assertThat(GenesisJson.read(file, Contracts.standard())).isEqualTo(DevConsortium.genesis());
    }

    @Test
    void usageErrorsExitWithTwoAndSayWhatIsWrong() {
        assertThat(Cli.run("ledger").exitCode()).isEqualTo(2);
        Cli unknown = Cli.run("ledger", "frobnicate");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown command frobnicate");
        Cli option = Cli.run("ledger", "verify", "--data-dir", benchDir.toString(), "--colour", "red");
        assertThat(option.exitCode()).isEqualTo(2);
        assertThat(option.err()).contains("unknown option --colour");
        Cli missing = Cli.run("ledger", "verify", "--data-dir", work.resolve("nowhere").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("no data directory");
        assertThat(Cli.run("ledger", "verify").err()).contains("missing required option --data-dir");
        assertThat(Cli.run("ledger", "bench", "--data-dir", work.toString()).exitCode()).isEqualTo(2);
        assertThat(Cli.run("ledger", "bench", "--data-dir", benchDir.toString(), "--transactions", "5").err())
                .contains("already holds a chain");
        assertThat(Cli.run("ledger", "proof", "verify").exitCode()).isEqualTo(2);
    }

    @Test
    void helpPrintsTheUsage() {
        Cli help = Cli.run("ledger", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("usage: ledger", "verify --data-dir", "bench --data-dir", "proof verify");
    }
}
