-- Prescriptions as the portal keeps them beside the chain. The clinical content is a sealed
-- MEDICATION entry of the patient's record (record_entries.prescription_id names the prescription
-- that anchors it: the prescriptions contract holds its content hash, so it joins the record without
-- the patient's approval). A prescription's id here is the portal's own; its id on chain is the
-- issuing transaction's, known once that transaction is mined (a crash may make the outbox sign it
-- again, under another id).
ALTER TABLE record_entries ADD COLUMN prescription_id VARCHAR(64);

CREATE TABLE pharmacy_prescriptions (
    id               VARCHAR(36) PRIMARY KEY,
    patient_id       BIGINT NOT NULL,
    patient_address  VARCHAR(42) NOT NULL,
    prescriber_id    BIGINT NOT NULL,
    entry_id         VARCHAR(64) NOT NULL,
    rxnorm           VARCHAR(10) NOT NULL,
    chain_id         VARCHAR(64),
    issued_block     BIGINT,
    -- the seed of the QR code's reverse hash chain (hex; the code's current secret is derived from it
    -- and the secret hash on chain), and the secret a fill from this portal presents while it is on
    -- its way (one fill at a time from here)
    qr_seed          VARCHAR(64) NOT NULL,
    presenting       VARCHAR(64),
    refused          VARCHAR(500),
    -- the prescriber's reason for cancelling (its salted hash is on chain)
    cancel_reason    VARCHAR(500),
    cancel_salt      VARCHAR(64),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pharmacy_prescriptions_entry_uk UNIQUE (entry_id),
    CONSTRAINT pharmacy_prescriptions_patient_fk FOREIGN KEY (patient_id) REFERENCES users (id),
    CONSTRAINT pharmacy_prescriptions_prescriber_fk FOREIGN KEY (prescriber_id) REFERENCES users (id)
);
CREATE INDEX pharmacy_prescriptions_patient_idx ON pharmacy_prescriptions (patient_id, created_at);
CREATE INDEX pharmacy_prescriptions_prescriber_idx ON pharmacy_prescriptions (prescriber_id, patient_id);
CREATE INDEX pharmacy_prescriptions_chain_idx ON pharmacy_prescriptions (chain_id);

-- Which pharmacy may read (and so dispense) which prescription: the patient sent it there, or a
-- pharmacist of it scanned the patient's QR code.
CREATE TABLE pharmacy_prescription_access (
    prescription_id  VARCHAR(36) NOT NULL,
    provider_id      BIGINT NOT NULL,
    via              VARCHAR(10) NOT NULL,
    by_user          BIGINT NOT NULL,
    at               TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pharmacy_prescription_access_pk PRIMARY KEY (prescription_id, provider_id),
    CONSTRAINT pharmacy_prescription_access_rx_fk FOREIGN KEY (prescription_id) REFERENCES pharmacy_prescriptions (id),
    CONSTRAINT pharmacy_prescription_access_provider_fk FOREIGN KEY (provider_id) REFERENCES providers (id)
);
CREATE INDEX pharmacy_prescription_access_provider_idx ON pharmacy_prescription_access (provider_id, at);

-- Each fill a pharmacist asked for: the pack's batch and expiry (their salted hash is on chain), the
-- price fixed at that moment, and the transaction that dispensed it (its id is the invoice's).
CREATE TABLE pharmacy_dispensings (
    id               VARCHAR(36) PRIMARY KEY,
    prescription_id  VARCHAR(36) NOT NULL,
    provider_id      BIGINT NOT NULL,
    pharmacist_id    BIGINT NOT NULL,
    quantity         BIGINT NOT NULL,
    unit_price       BIGINT NOT NULL,
    batch            VARCHAR(40) NOT NULL,
    pack_expiry      DATE NOT NULL,
    pack_salt        VARCHAR(64) NOT NULL,
    chain_id         VARCHAR(64),
    block_height     BIGINT,
    refused          VARCHAR(500),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pharmacy_dispensings_rx_fk FOREIGN KEY (prescription_id) REFERENCES pharmacy_prescriptions (id),
    CONSTRAINT pharmacy_dispensings_provider_fk FOREIGN KEY (provider_id) REFERENCES providers (id),
    CONSTRAINT pharmacy_dispensings_quantity_ck CHECK (quantity > 0)
);
CREATE INDEX pharmacy_dispensings_rx_idx ON pharmacy_dispensings (prescription_id, created_at);
CREATE INDEX pharmacy_dispensings_provider_idx ON pharmacy_dispensings (provider_id, created_at);
