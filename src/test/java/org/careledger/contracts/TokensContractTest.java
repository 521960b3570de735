package org.careledger.contracts;

import java.util.List;
import java.util.Map;

import org.careledger.crypto.Address;
import org.careledger.crypto.PrivateKey;
import org.careledger.ledger.Arg;
import org.careledger.ledger.BlockAssembler;
import org.careledger.ledger.ContractCall;
import org.careledger.ledger.Genesis;
import org.careledger.ledger.Hash;
import org.careledger.ledger.TestChains;
import org.careledger.ledger.Transaction;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careledger.contracts.ConsentLedger.*;

/** Transfers between wallets, the rules that refuse one, and what no transaction can reach. */
class TokensContractTest {

    private static final long TOKEN = Genesis.UNITS_PER_TOKEN;
    private static final long FEE = 1000;
    private static final PrivateKey PAYER = STRANGER; // dev account 2: 100 tokens
    private static final Address PAYEE = PATIENT.address(); // no tokens

    private final ConsentLedger ledger = new ConsentLedger();

    @Test
    void aTransferMovesTheSendersTokensAndItsFeeToTheSealerAndKeepsTheSupply() {
        long sealer = balance(TestChains.SEALER_A.address());
        ledger.mine(T0 + 1000, ledger.signWithFee(PAYER, Tokens.transfer(PAYEE, 5 * TOKEN), 0, FEE));

        assertThat(balance(PAYEE)).isEqualTo(5 * TOKEN);
        assertThat(balance(PAYER.address())).isEqualTo(95 * TOKEN - FEE);
        assertThat(balance(TestChains.SEALER_A.address())).isEqualTo(sealer + FEE);
        assertThat(Tokens.supply(ledger.state())).isEqualTo(TestChains.GENESIS.totalSupply());
    }

    @Test
    void eachRefusedTransferKeepsItsRuleNameAndLeavesTheStateUnchanged() {
        assertThat(refusal(Tokens.transfer(PAYEE, 0))).isEqualTo("tokens.amount");
        assertThat(refusal(Tokens.transfer(PAYEE, -5))).isEqualTo("tokens.amount");
        assertThat(refusal(Tokens.transfer(PAYEE, 100 * TOKEN))).as("the fee comes first").isEqualTo("tokens.balance");
        assertThat(refusal(ContractCall.of(Tokens.NAME, "transfer", Arg.of(5L), Arg.of(PAYEE)))).isEqualTo("tokens.arguments");
        assertThat(refusal(ContractCall.of(Tokens.NAME, "transfer", Arg.of(PAYEE)))).isEqualTo("tokens.arguments");
        assertThat(refusal(ContractCall.of(Tokens.NAME, "mint", Arg.of(PAYEE), Arg.of(5L)))).isEqualTo("tokens.method");
        assertThat(balance(PAYER.address())).isEqualTo(100 * TOKEN);
    }

    @Test
    void aMisshapenTransferIsToldWhatATransferTakes() {
        Transaction swapped = ledger.signWithFee(PAYER, ContractCall.of(Tokens.NAME, "transfer", Arg.of(5L), Arg.of(PAYEE)), 0, FEE);
        BlockAssembler.Template t = BlockAssembler.assemble(ledger.chain, List.of(swapped),
                TestChains.SEALER_A.address(), T0 + 1000);
        assertThat(t.refused().get(0).reason()).hasMessage("transfer takes (address to, u64 amount)");
    }

    @Test
    void noTransactionReachesTheTokenApiToHoldOrReleaseTokens() {
        Hash id = hashOf("hold");
        assertThat(refusal(ContractCall.of(Tokens.NAME, "hold", Arg.of(id), Arg.of(5L)))).isEqualTo("tokens.method");
        assertThat(refusal(ContractCall.of(Tokens.NAME, "release", Arg.of(id), Arg.of(PAYER.address()), Arg.of(5L))))
                .isEqualTo("tokens.method");
        assertThat(refusal(ContractCall.of(Tokens.NAME, "held", Arg.of(id)))).isEqualTo("tokens.method");
    }

    @Test
    void aTransferThatWouldOverflowTheReceivingBalanceIsRefused() {
        Genesis overfull = new Genesis(TestChains.CHAIN_ID, T0, TestChains.GENESIS.sealers(), Genesis.Parameters.dev(),
                Map.of(PAYER.address(), 100 * TOKEN, PAYEE, Long.MAX_VALUE - 5), null);
        ConsentLedger rich = new ConsentLedger(TestChains.newChain(overfull, Contracts.standard()));

        Transaction tx = rich.signWithFee(PAYER, Tokens.transfer(PAYEE, 10), 0, FEE);
        assertThat(rich.refusalLeavingStateUnchanged(tx, T0 + 1000)).isEqualTo("tokens.overflow");
    }

    private String refusal(ContractCall call) {
        return ledger.refusalLeavingStateUnchanged(ledger.signWithFee(PAYER, call, 0, FEE), T0 + 1000);
    }

    private long balance(Address account) {
        return Tokens.balanceOf(ledger.state().view(), account);
    }
}
