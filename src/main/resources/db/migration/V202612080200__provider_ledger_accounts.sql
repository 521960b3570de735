-- Each provider's (a hospital's, a pharmacy's) ledger account: its secp256k1 private key in the
-- portal's custody, wrapped under the master key (AES-256-GCM, bound to the provider and address) as
-- user keys are. The wrapped key is Base64 text, so the column is the same on H2 and PostgreSQL.
CREATE TABLE provider_keys (
    provider_id          BIGINT PRIMARY KEY,
    address              VARCHAR(42) NOT NULL,
    wrapped_private_key  VARCHAR(200) NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT provider_keys_provider_fk FOREIGN KEY (provider_id) REFERENCES providers (id),
    CONSTRAINT provider_keys_address_unique UNIQUE (address)
);
