package org.careledger.ledger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.careledger.crypto.Address;
import org.careledger.crypto.Hashes;
import org.careledger.crypto.PublicKey;

/**
 * A genesis as JSON, everything a node needs to rebuild it byte for byte:
 *
 * <pre>
 * {
 *   "chainId": 31337,
 *   "timestamp": 1767225600000,
 *   "genesisHash": "…",                  (written for reference; checked on read)
 *   "sealers": [ {"name": "st-marys", "publicKey": "02…", "address": "0x…"}, … ],
 *   "parameters": { "targetBlockMillis": 200, "retargetInterval": 20, "initialDifficulty": 64,
 *                   "minDifficulty": 16, "minFee": 1000, "emergencyAccessMillis": 3600000,
 *                   "maxFutureMillis": 120000, "maxBlockTransactions": 10000 },
 *   "balances": { "0x…": 100000000, … },
 *   "treasury": null
 * }
 * </pre>
 *
 * <p>The genesis hash depends on the genesis state, which the contracts compute, so every method
 * takes the chain's {@link StateMachine}: this class lives in the ledger, which knows no contract.
 */
public final class GenesisJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private GenesisJson() {
    }

    public static ObjectNode toJson(Genesis genesis, StateMachine machine) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("chainId", genesis.chainId());
        root.put("timestamp", genesis.timestamp());
        root.put("genesisHash", genesisHash(genesis, machine));
        ArrayNode sealers = root.putArray("sealers");
        for (Genesis.Sealer s : genesis.sealers()) {
            ObjectNode o = sealers.addObject();
            o.put("name", s.name());
            o.put("publicKey", Hashes.hex(s.key().compressed()));
            o.put("address", s.address().toString());
        }
        Genesis.Parameters p = genesis.parameters();
        ObjectNode params = root.putObject("parameters");
        params.put("targetBlockMillis", p.targetBlockMillis());
        params.put("retargetInterval", p.retargetInterval());
        params.put("initialDifficulty", p.initialDifficulty());
        params.put("minDifficulty", p.minDifficulty());
        params.put("minFee", p.minFee());
        params.put("emergencyAccessMillis", p.emergencyAccessMillis());
        params.put("maxFutureMillis", p.maxFutureMillis());
        params.put("maxBlockTransactions", p.maxBlockTransactions());
        ObjectNode balances = root.putObject("balances");
        genesis.balances().forEach((a, v) -> balances.put(a.toString(), v));
        if (genesis.treasury() == null) {
            root.putNull("treasury");
        } else {
            root.put("treasury", genesis.treasury().toString());
        }
        return root;
    }

    /** The genesis as the indented JSON text {@link #write} puts in a file. */
    public static String toText(Genesis genesis, StateMachine machine) throws IOException {
        return MAPPER.writeValueAsString(toJson(genesis, machine));
    }

    public static void write(Genesis genesis, StateMachine machine, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            org.careledger.crypto.PrivateFiles.createDirectories(parent);
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        org.careledger.crypto.PrivateFiles.createFile(tmp);
        MAPPER.writeValue(tmp.toFile(), toJson(genesis, machine));
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Reads a genesis file.
     *
     * @throws GenesisFileException if it is not a genesis as written by {@link #write}: not JSON, a
     *                              field missing or malformed, or contents that no longer hash to
     *                              the {@code genesisHash} it records (edited after it was written)
     */
    public static Genesis read(Path file, StateMachine machine) throws IOException {
        JsonNode root;
        try {
            root = MAPPER.readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new GenesisFileException(file, file + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
        Genesis genesis;
        try {
            genesis = parse(root);
        } catch (RuntimeException e) {
            throw new GenesisFileException(file, file + " is not a genesis file: " + e.getMessage(), e);
        }
        JsonNode hash = root.get("genesisHash");
        if (hash != null && !hash.isNull()) {
            String actual = genesisHash(genesis, machine);
            if (!actual.equalsIgnoreCase(hash.asText())) {
                throw new GenesisFileException(file, file + " was changed after it was written: it records genesis "
                        + shortHex(hash.asText()) + ", but its contents give genesis " + shortHex(actual)
                        + ", so it is not the genesis of the chain it was written for; restore it from a backup", null);
            }
        }
        return genesis;
    }

    private static Genesis parse(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("it holds no JSON object");
        }
        List<Genesis.Sealer> sealers = new ArrayList<>();
        for (JsonNode s : required(root, "sealers")) {
            sealers.add(new Genesis.Sealer(required(s, "name").asText(), PublicKey.fromHex(required(s, "publicKey").asText())));
        }
        JsonNode p = required(root, "parameters");
        Genesis.Parameters parameters = new Genesis.Parameters(whole(p, "targetBlockMillis"),
                wholeInt(p, "retargetInterval"), whole(p, "initialDifficulty"),
                whole(p, "minDifficulty"), whole(p, "minFee"),
                whole(p, "emergencyAccessMillis"), whole(p, "maxFutureMillis"),
                wholeInt(p, "maxBlockTransactions"));
        Map<Address, Long> balances = new LinkedHashMap<>();
        JsonNode b = required(root, "balances");
        b.fieldNames().forEachRemaining(address -> balances.put(Address.parse(address), whole(b, address)));
        JsonNode treasury = root.get("treasury");
        return new Genesis(whole(root, "chainId"), whole(root, "timestamp"), sealers,
                parameters, balances, treasury == null || treasury.isNull() ? null : Address.parse(treasury.asText()));
    }

    private static String genesisHash(Genesis genesis, StateMachine machine) {
        return GenesisBlock.header(genesis, machine.genesisState(genesis)).hash().hex();
    }

    private static String shortHex(String hex) {
        return hex.length() > 8 ? hex.substring(0, 8) : hex;
    }

    /** A whole number, strictly: {@code "1000"}, {@code 1e3} or {@code 999.5} are not read as one. */
    private static long whole(JsonNode node, String field) {
        JsonNode value = required(node, field);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new IllegalArgumentException("\"" + field + "\" is not a whole number: " + value);
        }
        return value.asLong();
    }

    private static int wholeInt(JsonNode node, String field) {
        long value = whole(node, field);
        if (value != (int) value) {
            throw new IllegalArgumentException("\"" + field + "\" is too large: " + value);
        }
        return (int) value;
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("missing field \"" + field + "\"");
        }
        return value;
    }
}
