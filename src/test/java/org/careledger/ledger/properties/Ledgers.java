package org.careledger.ledger.properties;

import java.util.List;
import java.util.Map;

import org.careledger.contracts.ContractState;
import org.careledger.contracts.Tokens;
import org.careledger.crypto.Address;
import org.careledger.crypto.DevAccounts;
import org.careledger.crypto.PrivateKey;
import org.careledger.ledger.Block;
import org.careledger.ledger.BlockAssembler;
import org.careledger.ledger.Chain;
import org.careledger.ledger.Genesis;
import org.careledger.ledger.TestChains;
import org.careledger.ledger.Transaction;
import org.careledger.ledger.WorldState;

/** Shared helpers of the ledger properties: the dev accounts, balances, supply and mining a block. */
final class Ledgers {

    static final long TOKEN = Genesis.UNITS_PER_TOKEN;
    /** Dev accounts 0 to 9 hold 100 tokens each at genesis; 10 and 11 hold nothing. */
    static final List<PrivateKey> ACCOUNTS = DevAccounts.ganacheAccounts(12);

    private Ledgers() {
    }

    static PrivateKey account(int index) {
        return ACCOUNTS.get(index);
    }

    static Map<String, byte[]> balanceEntries(WorldState state) {
        return ((ContractState) state).readPrefix("tokens.balance/");
    }

    /** Every token in the state: every balance plus every escrow, overflow-checked. */
    static long supply(WorldState state) {
        return Tokens.supply((ContractState) state);
    }

    static long balance(WorldState state, Address account) {
        return Tokens.balanceOf(((ContractState) state).view(), account);
    }

    static Transaction transfer(PrivateKey from, long nonce, Address to, long amount, long fee) {
        return Transaction.sign(TestChains.CHAIN_ID, from, nonce, Tokens.transfer(to, amount), fee);
    }

    /** Assembles (leaving out what the rules refuse), mines, seals and adds the next block. */
    static BlockAssembler.Template mineOnto(Chain chain, PrivateKey sealer, List<Transaction> candidates, long timestamp) {
        BlockAssembler.Template template = BlockAssembler.assemble(chain, candidates, sealer.address(), timestamp);
        Block block = TestChains.forge(template.header(), template.transactions(), sealer);
        chain.add(block);
        return template;
    }

    static long blockTime(long height) {
        return TestChains.GENESIS_TIME + 1000 * height;
    }
}
