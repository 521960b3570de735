package org.careledger.cli;

import org.careledger.contracts.DevConsortium;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.careledger.contracts.Contracts;
import org.careledger.ledger.Block;
import org.careledger.ledger.Genesis;
import org.careledger.ledger.ProofBundle;
import org.careledger.ledger.StoredChain;

/**
 * {@code ledger proof export ...} and {@code ledger proof verify FILE [--genesis FILE]}. A bundle
 * is JSON: {@code {version, chainId, genesisHash, transaction, leafIndex, leafCount, merklePath,
 * header, sealerSignature, sealerPublicKey, subject}}, bytes as hex.
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
        Path outFile = Path.of(o.required("--out"));
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
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("kind", "transfer");
        ProofBundle bundle = ProofBundle.of(block, index, stored.chain(), subject);
        write(bundle, outFile);
        out.println("exported height=" + height + " index=" + index + " block=" + block.hash().hex() + " out=" + outFile);
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
            try {
                genesis = GenesisJson.read(g);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
        ProofBundle bundle;
        try {
            bundle = read(file);
        } catch (IllegalArgumentException e) {
            out.println("invalid rule=encoding: " + e.getMessage());
            return 1;
        }
        ProofBundle.Verdict verdict = bundle.verify(genesis, genesis == null ? null : DevConsortium.genesisHeader(genesis).hash());
        if (verdict.valid()) {
            out.println("valid height=" + verdict.height() + " block=" + verdict.block().hex());
            return 0;
        }
        out.println("invalid rule=" + verdict.rule() + ": " + verdict.explanation());
        return 1;
    }

    static void write(ProofBundle bundle, Path file) throws IOException {
        ObjectNode root = GenesisJson.MAPPER.createObjectNode();
        root.put("version", bundle.version());
        root.put("chainId", bundle.chainId());
        root.put("genesisHash", bundle.genesisHash());
        root.put("transaction", bundle.transaction());
        root.put("leafIndex", bundle.leafIndex());
        root.put("leafCount", bundle.leafCount());
        ArrayNode path = root.putArray("merklePath");
        bundle.merklePath().forEach(path::add);
        root.put("header", bundle.header());
        root.put("sealerSignature", bundle.sealerSignature());
        root.put("sealerPublicKey", bundle.sealerPublicKey());
        root.set("subject", GenesisJson.MAPPER.valueToTree(bundle.subject()));
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        GenesisJson.MAPPER.writeValue(file.toFile(), root);
    }

    /** @throws IllegalArgumentException if the file is not a proof bundle */
    static ProofBundle read(Path file) throws IOException {
        JsonNode root;
        try {
            root = GenesisJson.MAPPER.readTree(file.toFile());
        } catch (JacksonException e) {
            throw new IllegalArgumentException("the bundle is not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("the bundle is not a JSON object");
        }
        List<String> path = new ArrayList<>();
        JsonNode p = field(root, "merklePath");
        if (!p.isArray()) {
            throw new IllegalArgumentException("merklePath is not a list");
        }
        p.forEach(n -> path.add(n.asText()));
        Map<String, Object> subject = root.has("subject") && root.get("subject").isObject()
                ? GenesisJson.MAPPER.convertValue(root.get("subject"), new TypeReference<Map<String, Object>>() { })
                : Map.of();
        return new ProofBundle(field(root, "version").asInt(), field(root, "chainId").asLong(), field(root, "genesisHash").asText(),
                field(root, "transaction").asText(), field(root, "leafIndex").asInt(), field(root, "leafCount").asInt(), path,
                field(root, "header").asText(), field(root, "sealerSignature").asText(), field(root, "sealerPublicKey").asText(), subject);
    }

    private static JsonNode field(JsonNode root, String name) {
        JsonNode v = root.get(name);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("the bundle has no " + name);
        }
        return v;
    }
}
