package org.careledger.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.careledger.contracts.DevConsortium;
import org.careledger.ledger.Block;
import org.careledger.ledger.Checkpoint;
import org.careledger.ledger.Hash;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code ledger verify} and {@code ledger proof} say about data a person damaged, lost or
 * mistyped: each case is one a user can make with a file manager or an editor, and the test names
 * the exact lines and exit code they see, and that verify changed nothing on disk.
 */
class LedgerCliDamageTest {

    private static final Pattern VALID_NODE = Pattern.compile("node=(\\S+) valid height=(\\d+) transactions=(\\d+) tip=([0-9a-f]{64}) records=(\\d+)");

    @TempDir
    static Path shared;
    static Path benchDir;

    @TempDir
    Path work;

    /** Many small blocks (a low rate), so that a store can be cut in the middle; closing writes each node's checkpoint. */
    @BeforeAll
    static void runTheBenchOnce() {
        benchDir = shared.resolve("bench");
        Cli bench = Cli.run("ledger", "bench", "--data-dir", benchDir.toString(), "--transactions", "90", "--rate", "120",
                "--threads", "1", "--warm-up", "0");
        assertThat(bench.exitCode()).as(bench.err()).isZero();
    }

    private Path copyOfBenchDir() throws IOException {
        return Cli.copyDataDir(benchDir, work.resolve("copy"));
    }

    private static Path blocks(Path dir, String node) {
        return dir.resolve("nodes").resolve(node).resolve("blocks");
    }

    private static Path blockFile(Path dir, String node) {
        return blocks(dir, node).resolve("blocks-00000.dat");
    }

    /** One record of a block file, read by its framing: magic, length, height, header CRC, payload, CRC. */
    private record Rec(long offset, long end, long height, byte[] payload) {
    }

    private static List<Rec> records(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer b = ByteBuffer.wrap(bytes);
        List<Rec> records = new ArrayList<>();
        for (int at = 0; at < bytes.length; ) {
            int length = b.getInt(at + 4);
            long height = b.getLong(at + 8);
            int end = at + 24 + length;
            records.add(new Rec(at, end, height, Arrays.copyOfRange(bytes, at + 20, at + 20 + length)));
            at = end;
        }
        return records;
    }

    private static long checkpointHeight(Path dir, String node) throws IOException {
        return Checkpoint.decode(Files.readAllBytes(dir.resolve("nodes").resolve(node).resolve("checkpoint.bin"))).height();
    }

    /** Every file under {@code dir} with its bytes, to show that verify wrote nothing. */
    private static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                if (Files.isRegularFile(p)) {
                    files.put(dir.relativize(p).toString(), Hash.sha256(Files.readAllBytes(p)).hex());
                }
            }
        }
        return files;
    }

    private static Cli verify(Path dir, String... more) {
        List<String> args = new ArrayList<>(List.of("ledger", "verify", "--data-dir", dir.toString()));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    private static String line(Cli cli, String node) {
        return cli.lines().stream().filter(l -> l.startsWith("node=" + node + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no line for " + node + " in\n" + cli.out()));
    }

    private static String recordedGenesisHash(Path genesisJson) throws IOException {
        Matcher m = Pattern.compile("\"genesisHash\" : \"([0-9a-f]{64})\"").matcher(Files.readString(genesisJson));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    void theUndamagedBenchDirectoryIsValidOnEveryNodeWithACheckpointEach() throws IOException {
        Cli verify = verify(benchDir);
        assertThat(verify.exitCode()).as(verify.out()).isZero();
        assertThat(verify.lines()).hasSize(4);
        for (String node : List.of("northgate", "riverside", "st-marys")) {
            assertThat(line(verify, node)).matches(VALID_NODE);
            assertThat(checkpointHeight(benchDir, node)).isPositive();
        }
        assertThat(records(blockFile(benchDir, "riverside")).size()).as("enough blocks to cut the store in the middle").isGreaterThan(8);
    }

    // 1. genesis.json damaged, edited, replaced or missing

    @Test
    void aGenesisJsonThatIsNotJsonIsOneInvalidLineNamingTheFileNotAUsageError() throws IOException {
        Path dir = copyOfBenchDir();
        Path genesis = dir.resolve("genesis.json");
        Files.writeString(genesis, "{ broken");
        Cli verify = verify(dir);
        assertThat(verify.exitCode()).isEqualTo(1);
        assertThat(verify.lines()).hasSize(1);
        assertThat(verify.lastLine()).startsWith("invalid height=0 rule=genesis: " + genesis + " is not valid JSON: Unexpected character ('b'");
        assertThat(verify.err()).doesNotContain("usage:");
    }

    @Test
    void aGenesisJsonWithOneValueEditedIsReportedAsChangedSinceItWasWritten() throws IOException {
        Path dir = copyOfBenchDir();
        Path genesis = dir.resolve("genesis.json");
        String json = Files.readString(genesis);
        assertThat(json).contains("\"minFee\" : 1000");
        Files.writeString(genesis, json.replace("\"minFee\" : 1000", "\"minFee\" : 999"));
        Map<String, String> before = snapshot(dir);
        Cli verify = verify(dir);
        assertThat(verify.exitCode()).isEqualTo(1);
        assertThat(verify.lines()).hasSize(1);
        assertThat(verify.lastLine()).matches(Pattern.quote("invalid height=0 rule=genesis: " + genesis
                + " was changed after it was written: it records genesis " + recordedGenesisHash(genesis).substring(0, 8)
                + ", but its contents give genesis ") + "[0-9a-f]{8}" + Pattern.quote(", so it is not the genesis of the chain"
                + " it was written for; restore it from a backup"));
        assertThat(verify.err()).doesNotContain("usage:");
        assertThat(snapshot(dir)).isEqualTo(before);
    }

    @Test
    void aGenesisJsonOfAnotherChainDoesNotMatchTheChainStoredHere() throws IOException {
        Path dir = copyOfBenchDir();
        Path genesis = dir.resolve("genesis.json");
        String stored = recordedGenesisHash(genesis).substring(0, 8);
        assertThat(Cli.run("ledger", "genesis", "export", "--out", genesis.toString(), "--block-time", "300").exitCode()).isZero();
        String other = recordedGenesisHash(genesis).substring(0, 8);
        Cli verify = verify(dir);
        assertThat(verify.exitCode()).isEqualTo(1);
        assertThat(verify.lastLine()).isEqualTo("invalid height=1 rule=genesis: " + genesis + " does not match the chain stored here:"
                + " the stored chain starts from genesis " + stored + ", but the file gives genesis " + other
                + " (it was replaced, or edited together with its genesisHash); restore it from a backup of this directory");
        assertThat(line(verify, "riverside")).startsWith("node=riverside invalid height=1 rule=genesis: " + genesis + " does not match");
    }

    @Test
    void aMissingGenesisJsonIsNamedAsMissingWhenTheStoreIsNotTheDevConsortiums() throws IOException {
        Path dir = copyOfBenchDir();
        Path genesis = dir.resolve("genesis.json");
        String stored = recordedGenesisHash(genesis).substring(0, 8);
        Files.delete(genesis);
        Cli verify = verify(dir);
        assertThat(verify.exitCode()).isEqualTo(1);
        assertThat(verify.lastLine()).isEqualTo("invalid height=1 rule=genesis: " + genesis + " is missing, and the chain stored"
                + " here is not the dev consortium's (it starts from genesis " + stored + ", the dev consortium's is "
                + DevConsortium.genesisHeader(DevConsortium.genesis()).hash().shortHex()
                + "); restore genesis.json from a backup of this directory");
    }

    @Test
    void aDamagedGenesisFileGivenWithGenesisFailsWithItsNameAndNoUsageText() throws IOException {
        Path bad = work.resolve("bad-genesis.json");
        Files.writeString(bad, "[1, 2");
        Cli verify = verify(benchDir, "--genesis", bad.toString());
        assertThat(verify.exitCode()).isEqualTo(1);
        assertThat(verify.out()).isEmpty();
        assertThat(verify.err()).startsWith("ledger: " + bad + " is not valid JSON: ").doesNotContain("usage:");
    }

    // 2. committed blocks lost: a block file cut at a record boundary or deleted, a node's directory deleted

    @Test
    void aBlockFileCutAtARecordBoundaryHasLostBlocksItsCheckpointVouchesFor() throws IOException {
        Path dir = copyOfBenchDir();
        Path file = blockFile(dir, "riverside");
        List<Rec> records = records(file);
        long kept = records.subList(0, 5).stream().mapToLong(Rec::height).max().orElseThrow();
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE)) {
            c.truncate(records.get(4).end());
        }
        long checkpoint = checkpointHeight(dir, "riverside");
        Map<String, String> before = snapshot(dir);
        Cli verify = verify(dir);
        assertThat(verify.exitCode()).as(verify.out()).isEqualTo(1);
        String why = "the checkpoint at height " + checkpoint + " was written after block " + checkpoint
                + " was stored, but the store ends at height " + kept + ": committed blocks are gone";
        assertThat(line(verify, "riverside")).isEqualTo("node=riverside invalid height=" + (kept + 1) + " rule=storeLost: " + why
                + " (valid up to height " + kept + ")");
        assertThat(line(verify, "st-marys")).matches(VALID_NODE);
        assertThat(verify.lastLine()).isEqualTo("invalid height=" + (kept + 1) + " rule=storeLost: " + why);
        assertThat(snapshot(dir)).as("verify is read-only").isEqualTo(before);
    }

    @Test
    void aDeletedBlockFileHasLostEveryBlock() throws IOException {
        Path dir = copyOfBenchDir();
        Files.delete(blockFile(dir, "riverside"));
        long checkpoint = checkpointHeight(dir, "riverside");
        Cli verify = verify(dir);
        assertThat(verify.exitCode()).isEqualTo(1);
        assertThat(verify.lastLine()).isEqualTo("invalid height=1 rule=storeLost: the checkpoint at height " + checkpoint
                + " was written after block " + checkpoint + " was stored, but the store ends at height 0: committed blocks are gone");
    }

    @Test
    void aDeletedNodeDirectoryIsReportedAbsentAndMakesTheDirectoryInvalid() throws IOException {
        Path dir = copyOfBenchDir();
        try (Stream<Path> all = Files.walk(dir.resolve("nodes").resolve("riverside"))) {
            all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        Path home = dir.resolve("nodes").resolve("riverside");
        String summary = "invalid height=1 rule=nodeMissing: riverside is a sealer of this chain's genesis, but there is no block"
                + " store under " + home + ": the node's blocks are gone; restore its directory from a backup";
        Cli verify = verify(dir);
        assertThat(verify.exitCode()).isEqualTo(1);
        assertThat(verify.lines()).hasSize(4);
        assertThat(verify.lines().get(1)).isEqualTo("node=riverside absent: no block store under " + home);
        assertThat(line(verify, "northgate")).matches(VALID_NODE);
        assertThat(verify.lastLine()).isEqualTo(summary);

        Cli one = verify(dir, "--node", "riverside");
        assertThat(one.exitCode()).isEqualTo(1);
        assertThat(one.lines()).containsExactly("node=riverside absent: no block store under " + home, summary);
        assertThat(verify(dir, "--node", "nowhere").exitCode()).as("a name that is no node and no sealer is a typo").isEqualTo(2);
    }

    @Test
    void aNodeThatLagsAfterACrashBeforeItsFirstCheckpointIsValidAndItsLineSaysItsTipDiffers() throws IOException {
        Path dir = copyOfBenchDir();
        Path file = blockFile(dir, "riverside");
        List<Rec> records = records(file);
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE)) {
            c.truncate(records.get(4).end());
        }
        Files.delete(dir.resolve("nodes").resolve("riverside").resolve("checkpoint.bin"));
        Cli verify = verify(dir);
        assertThat(verify.exitCode()).as(verify.out()).isZero();
        Matcher northgate = VALID_NODE.matcher(line(verify, "northgate"));
        assertThat(northgate.matches()).as("the others say nothing more").isTrue();
        assertThat(line(verify, "riverside")).matches(VALID_NODE.pattern() + Pattern.quote(" (tip differs from northgate's at height "
                + northgate.group(2) + ")"));
        Matcher riverside = Pattern.compile("node=riverside valid height=(\\d+) transactions=(\\d+) tip=([0-9a-f]{64}) ").matcher(line(verify, "riverside"));
        assertThat(riverside.find()).isTrue();
        assertThat(verify.lastLine()).isEqualTo("valid height=" + riverside.group(1) + " transactions=" + riverside.group(2)
                + " tip=" + riverside.group(3));
    }

    @Test
    void anotherNodesCheckpointIsIgnoredAndSaidSo() throws IOException {
        Path dir = copyOfBenchDir();
        Files.copy(dir.resolve("nodes/st-marys/checkpoint.bin"), dir.resolve("nodes/riverside/checkpoint.bin"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Cli verify = verify(dir);
        assertThat(verify.exitCode()).isZero();
        assertThat(line(verify, "riverside")).matches(VALID_NODE.pattern()
                + Pattern.quote(" (checkpoint ignored: it is not signed with the node's sealer key)"));
    }

    // 3. a block file missing in the middle

    @Test
    void aMissingFirstBlockFileIsNamedPlainly() throws IOException {
        Path dir = copyOfBenchDir();
        Files.move(blockFile(dir, "riverside"), blocks(dir, "riverside").resolve("blocks-00001.dat"));
        Cli verify = verify(dir, "--node", "riverside");
        assertThat(verify.exitCode()).isEqualTo(1);
        assertThat(verify.lines()).containsExactly(
                "node=riverside invalid height=1 rule=storeCorruption: block file blocks-00000.dat is missing, but blocks-00001.dat"
                        + " exists: the blocks it held are gone, and no later block is read (valid up to height 0)",
                "invalid height=1 rule=storeCorruption: block file blocks-00000.dat is missing, but blocks-00001.dat exists:"
                        + " the blocks it held are gone, and no later block is read");
    }

    // 4. the same block stored twice

    @Test
    void theLastRecordAppendedTwiceIsReportedAsStoreDuplicate() throws IOException {
        Path dir = copyOfBenchDir();
        Path file = blockFile(dir, "riverside");
        List<Rec> records = records(file);
        Rec last = records.get(records.size() - 1);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOfRange(bytes, (int) last.offset(), (int) last.end()), StandardOpenOption.APPEND);
        Block block = Block.decode(last.payload());
        Map<String, String> before = snapshot(dir);
        Cli verify = verify(dir, "--node", "riverside");
        assertThat(verify.exitCode()).isEqualTo(1);
        String why = "block " + block.hash().shortHex() + " at height " + last.height() + " is stored a second time (record "
                + (records.size() + 1) + "); a node stores each block once, so the store is damaged";
        assertThat(verify.lines().get(0)).startsWith("node=riverside invalid height=" + last.height() + " rule=storeDuplicate: " + why
                + " (valid up to height ");
        assertThat(verify.lastLine()).isEqualTo("invalid height=" + last.height() + " rule=storeDuplicate: " + why);
        assertThat(snapshot(dir)).isEqualTo(before);
    }

    // 5. proof export --out a directory or through a file

    @Test
    void exportingAProofToADirectoryIsAUsageErrorThatSaysSo() {
        Cli export = Cli.run("ledger", "proof", "export", "--data-dir", benchDir.toString(), "--node", "st-marys",
                "--height", "1", "--index", "0", "--out", work.toString());
        assertThat(export.exitCode()).isEqualTo(2);
        assertThat(export.err().lines().findFirst()).hasValue("ledger: --out " + work + " is a directory; give the path of the file"
                + " to write, such as " + work.resolve("proof.json"));
        assertThat(export.err()).doesNotContain("Exception");
    }

    @Test
    void exportingThroughAPathWhoseParentIsAFileIsAUsageErrorThatSaysSo() throws IOException {
        Path file = Files.writeString(work.resolve("a-file"), "x");
        Cli export = Cli.run("ledger", "proof", "export", "--data-dir", benchDir.toString(), "--node", "st-marys",
                "--height", "1", "--index", "0", "--out", file.resolve("proof.json").toString());
        assertThat(export.exitCode()).isEqualTo(2);
        assertThat(export.err().lines().findFirst()).hasValue("ledger: --out " + file.resolve("proof.json") + " cannot be written: "
                + file.toAbsolutePath() + " is a file, not a directory");
        Cli genesis = Cli.run("ledger", "genesis", "export", "--out", file.resolve("sub").resolve("genesis.json").toString());
        assertThat(genesis.exitCode()).isEqualTo(2);
        assertThat(genesis.err().lines().findFirst()).hasValue("ledger: --out " + file.resolve("sub").resolve("genesis.json")
                + " cannot be written: " + file.toAbsolutePath().resolve("sub") + ": Not a directory");
        assertThat(genesis.err()).doesNotContain("Exception");
    }

    @Test
    void exportingTheGenesisToADirectoryIsAUsageErrorThatSaysSo() {
        Cli export = Cli.run("ledger", "genesis", "export", "--out", work.toString());
        assertThat(export.exitCode()).isEqualTo(2);
        assertThat(export.err().lines().findFirst()).hasValue("ledger: --out " + work + " is a directory; give the path of the file"
                + " to write, such as " + work.resolve("genesis.json"));
    }

    // 6. proof bundles read strictly

    private Path exportProof() {
        Path proof = work.resolve("proof.json");
        Cli export = Cli.run("ledger", "proof", "export", "--data-dir", benchDir.toString(), "--node", "st-marys",
                "--height", "1", "--index", "0", "--out", proof.toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        return proof;
    }

    private Cli verifyEdited(Path proof, String from, String to) throws IOException {
        String json = Files.readString(proof);
        assertThat(json).contains(from);
        Path edited = work.resolve("edited.json");
        Files.writeString(edited, json.replace(from, to));
        return Cli.run("ledger", "proof", "verify", edited.toString());
    }

    @Test
    void aBundleWhoseLeafIndexIsNotANumberIsInvalidByEncodingNotReadAsZero() throws IOException {
        Path proof = exportProof();
        assertThat(Cli.run("ledger", "proof", "verify", proof.toString()).exitCode()).isZero();
        Cli verify = verifyEdited(proof, "\"leafIndex\" : 0,", "\"leafIndex\" : \"zero\",");
        assertThat(verify.exitCode()).isEqualTo(1);
        assertThat(verify.out()).isEqualTo("invalid rule=encoding: leafIndex is \"zero\", not a whole number" + System.lineSeparator());
        assertThat(verifyEdited(proof, "\"leafIndex\" : 0,", "\"leafIndex\" : 0.5,").lastLine())
                .isEqualTo("invalid rule=encoding: leafIndex is 0.5, not a whole number");
    }

    @Test
    void aBundleWithAFieldNoBundleHasOrAFieldTwiceIsInvalidByEncoding() throws IOException {
        Path proof = exportProof();
        Cli unknown = verifyEdited(proof, "\"version\" : 1,", "\"version\" : 1, \"verifiedBy\" : \"St Mary's\",");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.lastLine()).isEqualTo("invalid rule=encoding: the bundle has a field \"verifiedBy\" that no proof bundle"
                + " has; it holds only version, chainId, genesisHash, transaction, leafIndex, leafCount, merklePath, header,"
                + " sealerSignature, sealerPublicKey, subject");
        Cli twice = verifyEdited(proof, "\"leafIndex\" : 0,", "\"leafIndex\" : 0, \"leafIndex\" : 1,");
        assertThat(twice.exitCode()).isEqualTo(1);
        assertThat(twice.lastLine()).startsWith("invalid rule=encoding: the bundle is not JSON: Duplicate field 'leafIndex'");
    }

    @Test
    void aDamagedGenesisFileForProofVerifyFailsWithItsNameAndNoUsageText() throws IOException {
        Path proof = exportProof();
        Path bad = Files.writeString(work.resolve("bad-genesis.json"), "{\"chainId\": 1}");
        Cli verify = Cli.run("ledger", "proof", "verify", proof.toString(), "--genesis", bad.toString());
        assertThat(verify.exitCode()).isEqualTo(1);
        assertThat(verify.err()).isEqualTo("ledger: " + bad + " is not a genesis file: missing field \"sealers\"" + System.lineSeparator());
    }
}
