package org.careledger.contracts;

import java.util.List;

import org.careledger.crypto.DevAccounts;
import org.careledger.crypto.PrivateKey;
import org.careledger.ledger.BlockAssembler;
import org.careledger.ledger.BlockContext;
import org.careledger.ledger.Genesis;
import org.careledger.ledger.TestChains;
import org.careledger.ledger.Transaction;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.careledger.contracts.ConsentLedger.*;

/** A contract writes only its own keys, and asks only for APIs that exist and are not already running. */
class ContractBoundariesTest {

    private static final long TOKEN = Genesis.UNITS_PER_TOKEN;
    private static final PrivateKey SENDER = STRANGER; // dev account 2: 100 tokens
    private static final String SENDER_HEX = SENDER.address().toLowerHex();

    private final ConsentLedger ledger = new ConsentLedger(TestChains.newChain(TestChains.GENESIS,
            new Contracts(List.of(new Tokens(), new Registry(), new Intruder()))));

    @Test
    void aContractWritingAnotherContractsKeyIsRefusedAndTheStateIsUnchanged() {
        Transaction steal = ledger.sign(SENDER, Intruder.call("steal"));

        assertThat(ledger.refusalLeavingStateUnchanged(steal, T0 + 1000)).isEqualTo("contract.foreignWrite");
        assertThatThrownBy(() -> ledger.state().copy().apply(steal, block(T0 + 1000)))
                .hasMessage("intruder may not write tokens.balance/" + SENDER_HEX
                        + ": a contract writes only the keys that start with intruder.");
        assertThat(Tokens.balanceOf(ledger.state().view(), SENDER.address())).isEqualTo(100 * TOKEN);
    }

    @Test
    void aContractReadsAnyKeyAndWritesItsOwn() {
        ledger.mine(T0 + 1000, ledger.sign(SENDER, Intruder.call("scribble")));

        assertThat(ledger.state().read(Intruder.noteKey(SENDER_HEX)).map(StateView::toLong))
                .as("its note of the sender's balance, read from the tokens contract's key").contains(100 * TOKEN);
    }

    @Test
    void theLedgersOwnNonceIsOutOfEveryContractsReach() {
        assertThat(ledger.refusalLeavingStateUnchanged(ledger.sign(SENDER, Intruder.call("forgetNonce")), T0 + 1000))
                .isEqualTo("contract.foreignWrite");
    }

    @Test
    void aForeignWriteUndoesTheContractsOwnWritesBeforeIt() {
        assertThat(ledger.refusalLeavingStateUnchanged(ledger.sign(SENDER, Intruder.call("scribbleThenSteal")), T0 + 1000))
                .isEqualTo("contract.foreignWrite");
        assertThat(ledger.state().read(Intruder.noteKey(SENDER_HEX))).isEmpty();
    }

    @Test
    void anApiNoContractOffersIsRefusedAndTheBlockIsBuiltWithoutIt() {
        PrivateKey other = DevAccounts.ganacheAccount(3);
        Transaction asks = ledger.sign(SENDER, Intruder.call("askUnknown"));
        Transaction transfer = ledger.signWithFee(other, Tokens.transfer(PATIENT.address(), TOKEN), 0, 1000);

        BlockAssembler.Template template = BlockAssembler.assemble(ledger.chain, List.of(asks, transfer),
                TestChains.SEALER_A.address(), T0 + 1000);

        assertThat(template.transactions()).containsExactly(transfer);
        assertThat(template.refused()).singleElement().satisfies(r -> {
            assertThat(r.transaction()).isEqualTo(asks);
            assertThat(r.reason().rule()).isEqualTo("contract.unknownApi");
            assertThat(r.reason()).hasMessageContaining("Unoffered");
        });
    }

    @Test
    void aContractCannotBeEnteredAgainThroughItsApiWhileItRuns() {
        assertThat(ledger.refusalLeavingStateUnchanged(ledger.sign(SENDER, Intruder.call("echo")), T0 + 1000))
                .isEqualTo("contract.reentry");
    }

    private BlockContext block(long time) {
        return new BlockContext(ledger.chain.height() + 1, time, TestChains.SEALER_A.address(), TestChains.GENESIS.parameters());
    }
}
