package org.careledger.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON form of a {@link ProofBundle}, the one file format that the portal hands out and
 * {@code ledger proof verify} reads: {@code {version, chainId, genesisHash, transaction, leafIndex,
 * leafCount, merklePath, header, sealerSignature, sealerPublicKey, subject}}, bytes as hex, indented.
 */
final class ProofBundleJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ProofBundleJson() {
    }

    static String write(ProofBundle bundle) {
        ObjectNode root = MAPPER.createObjectNode();
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
        root.set("subject", MAPPER.valueToTree(bundle.subject()));
        try {
            return MAPPER.writeValueAsString(root) + System.lineSeparator();
        } catch (JacksonException e) {
            throw new IllegalArgumentException("The bundle's subject cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    static ProofBundle read(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
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
                ? MAPPER.convertValue(root.get("subject"), new TypeReference<Map<String, Object>>() { })
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
