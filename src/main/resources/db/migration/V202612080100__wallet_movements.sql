-- The wallet's history: a read model of the chain, one row per committed transaction and account
-- whose tokens it moved (a transfer sent or received, a fee paid), fed by the ledger's
-- TransactionCommitted events and rebuilt from the chain's blocks when empty. Amounts are signed
-- base units as the account sees them (received positive, sent negative); the fee is what the
-- account paid. A reorganisation that moves a transaction updates its row (keyed by transaction).
CREATE TABLE wallet_movements (
    tx_id        VARCHAR(64)  NOT NULL,
    account      VARCHAR(42)  NOT NULL,
    counterpart  VARCHAR(42),
    call_name    VARCHAR(80)  NOT NULL,
    amount       BIGINT       NOT NULL,
    fee          BIGINT       NOT NULL,
    height       BIGINT       NOT NULL,
    block_time   TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (tx_id, account)
);
CREATE INDEX wallet_movements_account_idx ON wallet_movements (account, height);

-- How far the history has applied the home node's main chain: one row, the last block height whose
-- transactions are all in wallet_movements. A start catches up from here in the background.
CREATE TABLE wallet_progress (
    id             INTEGER NOT NULL PRIMARY KEY,
    applied_height BIGINT  NOT NULL
);
INSERT INTO wallet_progress (id, applied_height) VALUES (1, 0);
