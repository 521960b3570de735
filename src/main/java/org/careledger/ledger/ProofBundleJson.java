package org.careledger.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
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

    /** The fields of a version-1 bundle, in the order {@link #write} writes them. */
    static final List<String> FIELDS = List.of("version", "chainId", "genesisHash", "transaction", "leafIndex", "leafCount",
            "merklePath", "header", "sealerSignature", "sealerPublicKey", "subject");

    /**
     * Reads a bundle strictly: numbers must be whole JSON numbers in range, byte fields strings, no
     * field may appear twice, nothing may follow the object, and a field no bundle has is refused, since a reader could take it for
     * something the bundle proves when the verifier never looked at it.
     *
     * @throws IllegalArgumentException saying what is wrong, for a person
     */
    static ProofBundle read(String json) {
        JsonNode root;
        try {
            root = MAPPER.reader().with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                    .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("the bundle is not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("the bundle is not a JSON object");
        }
        root.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException("the bundle has a field \"" + name + "\" that no proof bundle has;"
                        + " it holds only " + String.join(", ", FIELDS));
            }
        });
        List<String> path = new ArrayList<>();
        JsonNode p = field(root, "merklePath");
        if (!p.isArray()) {
            throw new IllegalArgumentException("merklePath is not a list");
        }
        p.forEach(n -> {
            if (!n.isTextual()) {
                throw new IllegalArgumentException("merklePath holds " + n + ", not a hash in hex");
            }
            path.add(n.asText());
        });
        JsonNode s = root.get("subject");
        if (s != null && !s.isNull() && !s.isObject()) {
            throw new IllegalArgumentException("subject is " + s + ", not a JSON object");
        }
        Map<String, Object> subject = s != null && s.isObject()
                ? MAPPER.convertValue(s, new TypeReference<Map<String, Object>>() { })
                : Map.of();
        return new ProofBundle(integer(root, "version"), whole(root, "chainId"), text(root, "genesisHash"),
                text(root, "transaction"), integer(root, "leafIndex"), integer(root, "leafCount"), path,
                text(root, "header"), text(root, "sealerSignature"), text(root, "sealerPublicKey"), subject);
    }

    private static JsonNode field(JsonNode root, String name) {
        JsonNode v = root.get(name);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("the bundle has no " + name);
        }
        return v;
    }

    private static long whole(JsonNode root, String name) {
        JsonNode v = field(root, name);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new IllegalArgumentException(name + " is " + v + ", not a whole number");
        }
        return v.asLong();
    }

    private static int integer(JsonNode root, String name) {
        long v = whole(root, name);
        if (v != (int) v) {
            throw new IllegalArgumentException(name + " is " + v + ", too large");
        }
        return (int) v;
    }

    private static String text(JsonNode root, String name) {
        JsonNode v = field(root, name);
        if (!v.isTextual()) {
            throw new IllegalArgumentException(name + " is " + v + ", not a string of hex");
        }
        return v.asText();
    }
}
