package org.careledger.analytics;

import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.careledger.analytics.internal.BlockRow;
import org.careledger.analytics.internal.BlockRows;
import org.careledger.analytics.internal.TokenFlows;
import org.careledger.identity.AppRoles;
import org.careledger.node.ChainSummary;
import org.careledger.node.ConsortiumControl;
import org.careledger.node.LedgerService;
import org.careledger.node.NodeStatus;
import org.springframework.stereotype.Service;

/**
 * The ledger's figures for admins: block time against the target and difficulty, transactions per
 * block and the mempool over the last blocks (from the analytics read model's block rows, never by
 * walking the chain), and each node's hash rate now. No patient is in these; they are not suppressed.
 */
@Service
@RolesAllowed(AppRoles.ADMIN)
public class LedgerAnalytics {

    /** How many of the newest blocks the block charts draw. */
    public static final int BLOCKS = 100;

    /** How many days the token flows chart draws, today included. */
    public static final int FLOW_DAYS = 30;
    private static final java.util.Map<String, String> FLOW_NAMES = java.util.Map.of("fees", "Transaction fees", "transfers",
            "Transfers between wallets", "pharmacy", "Pharmacy invoices paid", "appointments", "Appointment fees paid to doctors");

    private final BlockRows blockRows;
    private final TokenFlows flows;
    private final LedgerService ledger;
    private final ConsortiumControl consortium;
    private final java.time.Clock clock;

    LedgerAnalytics(BlockRows blockRows, TokenFlows flows, LedgerService ledger, ConsortiumControl consortium, java.time.Clock clock) {
        this.blockRows = blockRows;
        this.flows = flows;
        this.ledger = ledger;
        this.consortium = consortium;
        this.clock = clock;
    }

    /** Tokens moved per day over the last {@link #FLOW_DAYS} days, by kind, from the read model's daily totals. */
    ChartData tokenFlows() {
        java.time.LocalDate today = java.time.LocalDate.now(clock.withZone(java.time.ZoneOffset.UTC));
        java.time.LocalDate from = today.minusDays(FLOW_DAYS - 1);
        List<String> days = new ArrayList<>();
        for (java.time.LocalDate d = from; !d.isAfter(today); d = d.plusDays(1)) {
            days.add(d.toString());
        }
        java.util.Map<String, Long[]> amounts = new java.util.LinkedHashMap<>();
        TokenFlows.FLOWS.forEach(f -> {
            Long[] zeros = new Long[days.size()];
            java.util.Arrays.fill(zeros, 0L);
            amounts.put(f, zeros);
        });
        boolean any = false;
        for (TokenFlows.DayTotal t : flows.since(from)) {
            Long[] row = amounts.computeIfAbsent(t.flow(), k -> {
                Long[] zeros = new Long[days.size()];
                java.util.Arrays.fill(zeros, 0L);
                return zeros;
            });
            int at = days.indexOf(t.day().toString());
            if (at >= 0) {
                row[at] += t.amount();
                any |= t.amount() != 0;
            }
        }
        List<ChartData.Series> series = new ArrayList<>();
        amounts.forEach((flow, values) -> series.add(new ChartData.Series(FLOW_NAMES.getOrDefault(flow, flow), List.of(values))));
        return new ChartData("token-flows", "Tokens moved per day · last " + FLOW_DAYS + " days (UTC)", "Day", "Tokens moved (tokens)", days,
                series, ChartData.Kind.STACKED_BARS, List.of("Fees go to the node that sealed the block. Appointment fees are held in escrow "
                + "when booked and counted here when paid out to the doctor (a visit completed or missed); refunds are not counted."),
                any ? null : "No tokens moved in the last " + FLOW_DAYS + " days.", null, 6);
    }

    public List<ChartData> charts() {
        List<BlockRow> blocks = blockRows.recent(BLOCKS + 1);
        ChainSummary summary = ledger.summary();
        List<String> heights = new ArrayList<>();
        List<Long> gaps = new ArrayList<>();
        List<Long> target = new ArrayList<>();
        List<Long> difficulty = new ArrayList<>();
        List<Long> transactions = new ArrayList<>();
        List<Long> mempool = new ArrayList<>();
        for (int i = 1; i < blocks.size(); i++) {
            BlockRow b = blocks.get(i);
            heights.add(Long.toString(b.height()));
            gaps.add(Math.max(0, Duration.between(blocks.get(i - 1).time(), b.time()).toMillis()));
            target.add(summary.targetBlockTime().toMillis());
            difficulty.add(b.difficulty());
            transactions.add((long) b.transactions());
            mempool.add(b.mempool() == null ? null : (long) b.mempool());
        }
        String empty = heights.isEmpty() ? "No blocks applied to the read model yet: they appear as the chain grows." : null;
        String span = "last " + heights.size() + " blocks";
        List<ChartData> out = new ArrayList<>();
        out.add(new ChartData("block-time", "Block time and difficulty · " + span, "Block height", "Time since the previous block (ms)",
                heights, List.of(new ChartData.Series("Block time", gaps),
                new ChartData.Series("Target block time", target, false, true),
                new ChartData.Series("Difficulty", difficulty, true, false)), ChartData.Kind.LINES,
                List.of("Difficulty is the expected number of hashes to seal a block; it is retargeted towards the target block time."),
                empty, "Difficulty (expected hashes)"));
        out.add(new ChartData("block-transactions", "Transactions per block and waiting transactions · " + span, "Block height",
                "Transactions (count)", heights, List.of(new ChartData.Series("Transactions in the block", transactions),
                new ChartData.Series("Waiting in the mempool when applied", mempool)), ChartData.Kind.LINES,
                List.of("The mempool is sampled when the analytics feed applies a block at the tip; blocks applied while catching up have no sample."),
                empty));
        out.add(tokenFlows());
        List<NodeStatus> nodes = consortium.nodes();
        out.add(new ChartData("hash-rate", "Hash rate per node, now", "Node", "Hash rate (hashes per second)",
                nodes.stream().map(NodeStatus::name).toList(),
                List.of(new ChartData.Series("Hash rate", nodes.stream().map(n -> Math.round(n.hashesPerSecond())).toList())),
                ChartData.Kind.BARS, List.of("Measured over each node's recent block searches; a paused node shows 0."),
                nodes.isEmpty() ? "No node is running." : null));
        return out;
    }
}
