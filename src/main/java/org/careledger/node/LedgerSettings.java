package org.careledger.node;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the embedded consortium runs.
 *
 * @param minerThreads      miner worker threads per node (0: one per core)
 * @param targetBlockMillis the block time difficulty retargeting aims at
 * @param networkDelayMillis the in-memory network's delivery delay
 */
@ConfigurationProperties(prefix = "careledger.ledger")
public record LedgerSettings(@DefaultValue("1") int minerThreads,
                             @DefaultValue("1000") long targetBlockMillis,
                             @DefaultValue("5") long networkDelayMillis) {

    int effectiveMinerThreads() {
        return minerThreads > 0 ? minerThreads : Runtime.getRuntime().availableProcessors();
    }
}
