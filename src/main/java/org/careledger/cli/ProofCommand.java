package org.careledger.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.careledger.contracts.Contracts;
import org.careledger.contracts.DevConsortium;
import org.careledger.contracts.ProofSubjects;
import org.careledger.ledger.Block;
import org.careledger.ledger.Genesis;
import org.careledger.ledger.GenesisFileException;
import org.careledger.ledger.GenesisJson;
import org.careledger.ledger.ProofBundle;
import org.careledger.ledger.StoredChain;

/**
 * {@code ledger proof export ...} and {@code ledger proof verify FILE [--genesis FILE]}. A bundle
 * is JSON: {@code {version, chainId, genesisHash, transaction, leafIndex, leafCount, merklePath,
 * header, sealerSignature, sealerPublicKey, subject}}, bytes as hex (see {@link ProofBundle#toJson}).
 * Verifying also checks that the subject says nothing the transaction does not ({@link ProofSubjects}).
 */
final class ProofCommand {

    private ProofCommand() {
    }

    static int run(List<String> args, PrintStream out, PrintStream err) throws IOException {
        if (args.isEmpty()) {
            throw new UsageException("proof needs a subcommand: export or verify");
        }
        List<String> rest = args.subList(1, args.size());
        switch (args.get(0)) {
            case "export":
                return export(rest, out, err);
            case "verify":
                return verify(rest, out, err);
            default:
                throw new UsageException("unknown proof subcommand " + args.get(0));
        }
    }

    private static int export(List<String> args, PrintStream out, PrintStream err) throws IOException {
        Options o = Options.parse(args, Set.of("--data-dir", "--node", "--height", "--index", "--out", "--genesis"), Set.of());
        o.noPositional();
        Path dir = Path.of(o.required("--data-dir"));
        String node = o.required("--node");
        long height = o.longValue("--height", -1, 1, Long.MAX_VALUE);
        if (height < 0) {
            throw new UsageException("missing required option --height");
        }
        int index = (int) o.longValue("--index", 0, 0, Block.MAX_TRANSACTIONS - 1);
        OutputFile outFile = OutputFile.of(o, "--out", "proof.json");
        Path blocks = StoredChain.blocksDirectory(dir, node);
        if (!Files.isDirectory(blocks)) {
            throw new UsageException("no node " + node + " under " + dir.resolve("nodes"));
        }
        Genesis genesis = VerifyCommand.genesisFor(dir, o.path("--genesis"));
        StoredChain stored = StoredChain.load(blocks, genesis, Contracts.standard(), System::currentTimeMillis, null);
        Block block = stored.blockAt(height).orElse(null);
        if (block == null) {
            err.println("node " + node + " has no valid block at height " + height + " on its main chain (height " + stored.report().height() + ")");
            return 1;
        }
        if (index >= block.transactions().size()) {
            err.println("block " + height + " has " + block.transactions().size() + " transactions, no index " + index);
            return 1;
        }
        ProofBundle bundle = ProofBundle.of(block, index, stored.chain(), ProofSubjects.of(block.transactions().get(index)));
        outFile.write(bundle.toJson());
        out.println("exported height=" + height + " index=" + index + " block=" + block.hash().hex() + " out=" + outFile.path());
        return 0;
    }

    private static int verify(List<String> args, PrintStream out, PrintStream err) throws IOException {
        Options o = Options.parse(args, Set.of("--genesis"), Set.of());
        if (o.positional().size() != 1) {
            throw new UsageException("proof verify needs exactly one bundle file");
        }
        Path file = Path.of(o.positional().get(0));
        if (!Files.isRegularFile(file)) {
            throw new UsageException("no proof bundle file at " + file);
        }
        Genesis genesis = null;
        if (o.has("--genesis")) {
            Path g = o.path("--genesis");
            if (!Files.isRegularFile(g)) {
                throw new UsageException("no genesis file at " + g);
            }
            genesis = GenesisJson.read(g, Contracts.standard()); // a damaged one: LedgerCli reports its GenesisFileException, exit 1
        }
        ProofBundle bundle;
        try {
            bundle = read(file);
        } catch (IllegalArgumentException e) {
            out.println("invalid rule=encoding: " + e.getMessage());
            return 1;
        }
        ProofBundle.Verdict verdict = bundle.verify(genesis, genesis == null ? null : DevConsortium.genesisHeader(genesis).hash());
        Optional<String> wrongSubject = verdict.valid() ? ProofSubjects.mismatch(bundle.subject(), bundle.decodedTransaction()) : Optional.empty();
        if (wrongSubject.isPresent()) {
            out.println("invalid rule=subject: " + wrongSubject.get());
            return 1;
        }
        if (verdict.valid()) {
            out.println("valid height=" + verdict.height() + " block=" + verdict.block().hex());
            return 0;
        }
        out.println("invalid rule=" + verdict.rule() + ": " + verdict.explanation());
        return 1;
    }

    /** @throws IllegalArgumentException if the file is not a proof bundle */
    static ProofBundle read(Path file) throws IOException {
        return ProofBundle.fromJson(Files.readString(file, StandardCharsets.UTF_8));
    }
}
