package org.careledger.ledger;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.careledger.crypto.Address;
import org.careledger.crypto.DevAccounts;
import org.careledger.crypto.PublicKey;

/**
 * What every node of one chain agrees on before the first block: the chain id, the authorised
 * sealers, the rule parameters and the initial token balances.
 *
 * @param chainId    distinguishes this chain's transactions from any other's
 * @param timestamp  the genesis block's time
 * @param sealers    the nodes allowed to produce blocks, by name and public key
 * @param parameters the consensus and contract parameters
 * @param balances   initial balances in base units (1 token = {@value #UNITS_PER_TOKEN})
 * @param treasury   the account from which the portal funds newly approved users, or null
 */
public record Genesis(long chainId, long timestamp, List<Sealer> sealers, Parameters parameters,
                      Map<Address, Long> balances, Address treasury) {

    public static final long UNITS_PER_TOKEN = 1_000_000L;
    private static final byte[] DOMAIN = "careledger/genesis/v1".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    public record Sealer(String name, PublicKey key) {
        public Address address() {
            return key.address();
        }
    }

    /**
     * @param targetBlockMillis      the block time difficulty retargeting aims at
     * @param retargetInterval       blocks between retargets
     * @param initialDifficulty      the first block's difficulty
     * @param minDifficulty          the difficulty never falls below this
     * @param minFee                 the smallest fee of a fee-paying call, in base units
     * @param emergencyAccessMillis  how long a break-glass access lasts
     * @param maxFutureMillis        how far ahead of a node's clock a block's time may be
     * @param maxBlockTransactions   the most transactions one block holds
     */
    public record Parameters(long targetBlockMillis, int retargetInterval, long initialDifficulty, long minDifficulty,
                             long minFee, long emergencyAccessMillis, long maxFutureMillis, int maxBlockTransactions) {

        /** Tests and the demo: fast blocks, trivial work, one hour of emergency access. */
        public static Parameters dev() {
            return new Parameters(1000, 20, 64, 16, 1000, 3_600_000, 120_000, 10_000);
        }

        public DifficultyRule difficultyRule() {
            return new DifficultyRule(targetBlockMillis, retargetInterval, minDifficulty);
        }
    }

    public Genesis {
        sealers = List.copyOf(sealers);
        if (sealers.isEmpty()) {
            throw new IllegalArgumentException("A chain needs at least one sealer");
        }
        Map<Address, Long> sorted = new TreeMap<>(balances);
        sorted.values().forEach(v -> {
            if (v < 0) {
                throw new IllegalArgumentException("A balance is never negative");
            }
        });
        balances = Collections.unmodifiableMap(new LinkedHashMap<>(sorted));
    }

    /** The dev genesis: Ganache's ten deterministic accounts with 100 tokens each. */
    public static Genesis dev(long chainId, long timestamp, List<Sealer> sealers) {
        Map<Address, Long> balances = new LinkedHashMap<>();
        for (var key : DevAccounts.ganacheAccounts(10)) {
            balances.put(key.address(), 100 * UNITS_PER_TOKEN);
        }
        return new Genesis(chainId, timestamp, sealers, Parameters.dev(), balances, null);
    }

    /**
     * A chain of its own for one install: its sealers, and a treasury holding all the tokens
     * ({@code treasuryBalance} base units), from which the portal funds approved users.
     */
    public static Genesis withTreasury(long chainId, long timestamp, List<Sealer> sealers, Parameters parameters,
                                       Address treasury, long treasuryBalance) {
        return new Genesis(chainId, timestamp, sealers, parameters, Map.of(treasury, treasuryBalance), treasury);
    }

    public boolean isSealer(Address address) {
        for (Sealer s : sealers) { // a loop, not a stream: every admission asks, twice
            if (s.address().equals(address)) {
                return true;
            }
        }
        return false;
    }

    public PublicKey sealerKey(Address address) {
        return sealers.stream().filter(s -> s.address().equals(address)).map(Sealer::key).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(address + " is not an authorised sealer"));
    }

    public List<Address> sealerAddresses() {
        List<Address> out = new ArrayList<>();
        sealers.forEach(s -> out.add(s.address()));
        return out;
    }

    /**
     * The canonical encoding of everything in this genesis, the input of {@link #commitment()}:
     * a domain tag, then chain id, timestamp, the sealers in order (name, compressed key), the
     * parameters in declaration order, the balances sorted by address, and the treasury (a flag,
     * then its address).
     */
    public byte[] encode() {
        CanonicalWriter out = new CanonicalWriter(512);
        out.fixed(DOMAIN).i64BigEndian(chainId).i64BigEndian(timestamp).varint(sealers.size());
        for (Sealer s : sealers) {
            out.string(s.name()).fixed(s.key().compressed());
        }
        Parameters p = parameters;
        out.i64BigEndian(p.targetBlockMillis()).i32BigEndian(p.retargetInterval()).i64BigEndian(p.initialDifficulty())
                .i64BigEndian(p.minDifficulty()).i64BigEndian(p.minFee()).i64BigEndian(p.emergencyAccessMillis())
                .i64BigEndian(p.maxFutureMillis()).i32BigEndian(p.maxBlockTransactions());
        out.varint(balances.size());
        balances.forEach((address, balance) -> out.fixed(address.bytes()).i64BigEndian(balance));
        out.bool(treasury != null);
        if (treasury != null) {
            out.fixed(treasury.bytes());
        }
        return out.toByteArray();
    }

    /**
     * SHA-256 of {@link #encode()}: the genesis block's header carries it, so the genesis hash (and
     * with it every block's ancestry) commits to every parameter, not only to the genesis state.
     */
    public Hash commitment() {
        return Hash.sha256(encode());
    }

    /** The total supply, which no block may change. */
    public long totalSupply() {
        return balances.values().stream().mapToLong(Long::longValue).reduce(0, Math::addExact);
    }
}
