package org.careledger.node;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.careledger.crypto.Address;
import org.careledger.ledger.Hash;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the ledger's value types read and write as JSON in the portal: an address as its EIP-55 text,
 * a hash as 64 hex digits. Spring's ObjectMapper picks the module up, and with it the event
 * publication registry, which stores events that name addresses and transactions.
 */
@Configuration(proxyBeanMethods = false)
class LedgerJson {

    @Bean
    SimpleModule ledgerTypesModule() {
        SimpleModule module = new SimpleModule("careledger-ledger-types");
        module.addSerializer(Address.class, new JsonSerializer<>() {
            @Override
            public void serialize(Address value, JsonGenerator out, SerializerProvider provider) throws IOException {
                out.writeString(value.toString());
            }
        });
        module.addDeserializer(Address.class, new JsonDeserializer<>() {
            @Override
            public Address deserialize(JsonParser in, DeserializationContext context) throws IOException {
                return Address.parse(in.getValueAsString());
            }
        });
        module.addSerializer(Hash.class, new JsonSerializer<>() {
            @Override
            public void serialize(Hash value, JsonGenerator out, SerializerProvider provider) throws IOException {
                out.writeString(value.hex());
            }
        });
        module.addDeserializer(Hash.class, new JsonDeserializer<>() {
            @Override
            public Hash deserialize(JsonParser in, DeserializationContext context) throws IOException {
                return Hash.fromHex(in.getValueAsString());
            }
        });
        return module;
    }
}
