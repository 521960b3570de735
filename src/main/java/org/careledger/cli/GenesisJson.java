package org.careledger.cli;

import org.careledger.contracts.DevConsortium;
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
import org.careledger.ledger.Genesis;

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
 */
public final class GenesisJson {

    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private GenesisJson() {
    }

    public static ObjectNode toJson(Genesis genesis) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("chainId", genesis.chainId());
        root.put("timestamp", genesis.timestamp());
        root.put("genesisHash", DevConsortium.genesisHeader(genesis).hash().hex());
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

    public static void write(Genesis genesis, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        MAPPER.writeValue(tmp.toFile(), toJson(genesis));
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Reads a genesis file.
     *
     * @throws IllegalArgumentException if it is not a genesis as written by {@link #write}
     */
    public static Genesis read(Path file) throws IOException {
        JsonNode root;
        try {
            root = MAPPER.readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IllegalArgumentException("The genesis file " + file + " is not JSON: " + e.getOriginalMessage());
        }
        try {
            List<Genesis.Sealer> sealers = new ArrayList<>();
            for (JsonNode s : required(root, "sealers")) {
                sealers.add(new Genesis.Sealer(required(s, "name").asText(), PublicKey.fromHex(required(s, "publicKey").asText())));
            }
            JsonNode p = required(root, "parameters");
            Genesis.Parameters parameters = new Genesis.Parameters(required(p, "targetBlockMillis").asLong(),
                    required(p, "retargetInterval").asInt(), required(p, "initialDifficulty").asLong(),
                    required(p, "minDifficulty").asLong(), required(p, "minFee").asLong(),
                    required(p, "emergencyAccessMillis").asLong(), required(p, "maxFutureMillis").asLong(),
                    required(p, "maxBlockTransactions").asInt());
            Map<Address, Long> balances = new LinkedHashMap<>();
            required(root, "balances").fields().forEachRemaining(e -> balances.put(Address.parse(e.getKey()), e.getValue().asLong()));
            JsonNode treasury = root.get("treasury");
            Genesis genesis = new Genesis(required(root, "chainId").asLong(), required(root, "timestamp").asLong(), sealers,
                    parameters, balances, treasury == null || treasury.isNull() ? null : Address.parse(treasury.asText()));
            JsonNode hash = root.get("genesisHash");
            if (hash != null && !hash.isNull()) {
                String actual = DevConsortium.genesisHeader(genesis).hash().hex();
                if (!actual.equalsIgnoreCase(hash.asText())) {
                    throw new IllegalArgumentException("The genesis file " + file + " says genesisHash " + hash.asText()
                            + " but its contents hash to " + actual);
                }
            }
            return genesis;
        } catch (RuntimeException e) {
            if (e instanceof IllegalArgumentException && e.getMessage() != null && e.getMessage().startsWith("The genesis file")) {
                throw e;
            }
            throw new IllegalArgumentException("The genesis file " + file + " is not valid: " + e.getMessage(), e);
        }
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("missing field \"" + field + "\"");
        }
        return value;
    }
}
