-- The pharmacy's medicine catalogue: RxNorm clinical drugs with a unit price in token base units
-- (1 token = 1,000,000 base units). Seeded once, in the background after start, from the bundled
-- catalogue extracted from Synthea; admins edit prices and withdraw a medicine (it stays listed, so
-- old prescriptions still name it, but cannot be newly prescribed). A pharmacy may sell at its own
-- price (pharmacy_prices); the price used is fixed into the invoice at dispensing.
CREATE TABLE pharmacy_medicines (
    rxnorm         VARCHAR(10) PRIMARY KEY,
    name           VARCHAR(300) NOT NULL,
    form_strength  VARCHAR(200),
    unit_price     BIGINT NOT NULL,
    withdrawn_at   TIMESTAMP WITH TIME ZONE,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by     VARCHAR(254),
    CONSTRAINT pharmacy_medicines_price_ck CHECK (unit_price >= 0)
);
CREATE INDEX pharmacy_medicines_name_idx ON pharmacy_medicines (name);

CREATE TABLE pharmacy_prices (
    provider_id  BIGINT NOT NULL,
    rxnorm       VARCHAR(10) NOT NULL,
    unit_price   BIGINT NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by   VARCHAR(254),
    CONSTRAINT pharmacy_prices_pk PRIMARY KEY (provider_id, rxnorm),
    CONSTRAINT pharmacy_prices_medicine_fk FOREIGN KEY (rxnorm) REFERENCES pharmacy_medicines (rxnorm),
    CONSTRAINT pharmacy_prices_provider_fk FOREIGN KEY (provider_id) REFERENCES providers (id),
    CONSTRAINT pharmacy_prices_price_ck CHECK (unit_price >= 0)
);
