package org.careledger.contracts;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.careledger.crypto.Address;
import org.careledger.crypto.DevAccounts;
import org.careledger.crypto.PrivateKey;
import org.careledger.ledger.Arg;
import org.careledger.ledger.ContractCall;
import org.careledger.ledger.Genesis;
import org.careledger.ledger.Hash;
import org.careledger.ledger.TestChains;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careledger.contracts.ConsentLedger.*;

/**
 * A contract taking payment through the token API, with real signed transactions in real blocks:
 * it holds the sender's tokens in its own escrow and pays them out later, and the supply (every
 * balance plus every escrow) stays what the genesis made it after every block.
 */
class TokenEscrowTest {

    private static final long TOKEN = Genesis.UNITS_PER_TOKEN;
    private static final String BOOKING = "escrowtest";
    private static final String OTHER = "otherescrow";
    private static final PrivateKey PAYER = STRANGER; // dev account 2: 100 tokens
    private static final Address PAYEE = PATIENT.address(); // no tokens
    private static final Hash VISIT = hashOf("visit 1");

    private final ConsentLedger ledger = new ConsentLedger(TestChains.newChain(TestChains.GENESIS, contracts()));
    private long time = T0;

    private static Contracts contracts() {
        return new Contracts(List.of(new Tokens(), new Registry(), new EscrowBooking(BOOKING), new EscrowBooking(OTHER)));
    }

    @Test
    void aHoldMovesTheSendersTokensIntoAnEscrowOnlyTheCallingContractSees() {
        mine(EscrowBooking.book(BOOKING, VISIT, 30 * TOKEN));

        assertThat(balance(PAYER.address())).isEqualTo(70 * TOKEN);
        assertThat(Tokens.escrowed(ledger.state())).isEqualTo(30 * TOKEN);
        assertThat(heldAsSeenBy(BOOKING, VISIT)).contains(new TokenApi.Hold(PAYER.address(), 30 * TOKEN));
        assertThat(heldAsSeenBy(OTHER, VISIT)).as("another contract, the same id").isEmpty();
    }

    @Test
    void aReleasePaysThePayeeWhileTheRestStaysHeldUntilPaidLater() {
        mine(EscrowBooking.book(BOOKING, VISIT, 30 * TOKEN));
        mine(EscrowBooking.pay(BOOKING, VISIT, PAYEE, 10 * TOKEN));

        assertThat(balance(PAYEE)).isEqualTo(10 * TOKEN);
        assertThat(heldAsSeenBy(BOOKING, VISIT)).contains(new TokenApi.Hold(PAYER.address(), 20 * TOKEN));

        mine(EscrowBooking.pay(BOOKING, VISIT, PAYEE, 20 * TOKEN));

        assertThat(balance(PAYEE)).isEqualTo(30 * TOKEN);
        assertThat(balance(PAYER.address())).isEqualTo(70 * TOKEN);
        assertThat(ledger.state().readPrefix("tokens.escrow/")).as("a hold paid in full is gone").isEmpty();
        mine(EscrowBooking.book(BOOKING, VISIT, TOKEN));
        assertThat(heldAsSeenBy(BOOKING, VISIT)).as("and its id is free again").contains(new TokenApi.Hold(PAYER.address(), TOKEN));
    }

    @Test
    void aRefundReleasesWhatIsLeftBackToThePayer() {
        mine(EscrowBooking.book(BOOKING, VISIT, 30 * TOKEN));
        mine(EscrowBooking.pay(BOOKING, VISIT, PAYEE, 10 * TOKEN));
        mine(EscrowBooking.pay(BOOKING, VISIT, PAYER.address(), 20 * TOKEN));

        assertThat(balance(PAYER.address())).isEqualTo(90 * TOKEN);
        assertThat(balance(PAYEE)).isEqualTo(10 * TOKEN);
        assertThat(Tokens.escrowed(ledger.state())).isZero();
    }

    @Test
    void eachMisuseOfAnEscrowIsRefusedWithItsRuleAndLeavesTheStateUnchanged() {
        mine(EscrowBooking.book(BOOKING, VISIT, 30 * TOKEN));

        assertThat(refusal(EscrowBooking.pay(BOOKING, VISIT, PAYEE, 30 * TOKEN + 1))).isEqualTo("tokens.overRelease");
        assertThat(refusal(EscrowBooking.pay(OTHER, VISIT, PAYEE, TOKEN))).as("another contract's hold").isEqualTo("tokens.unknownHold");
        assertThat(refusal(EscrowBooking.pay(BOOKING, hashOf("never booked"), PAYEE, TOKEN))).isEqualTo("tokens.unknownHold");
        assertThat(refusal(EscrowBooking.book(BOOKING, VISIT, TOKEN))).as("the id in use").isEqualTo("tokens.holdExists");
        assertThat(refusal(EscrowBooking.book(BOOKING, hashOf("visit 2"), 70 * TOKEN + 1))).isEqualTo("tokens.balance");
        assertThat(refusal(EscrowBooking.book(BOOKING, hashOf("visit 2"), 0))).isEqualTo("tokens.amount");
        assertThat(refusal(EscrowBooking.pay(BOOKING, VISIT, PAYEE, 0))).isEqualTo("tokens.amount");

        assertThat(balance(PAYER.address())).isEqualTo(70 * TOKEN);
        assertThat(heldAsSeenBy(BOOKING, VISIT)).contains(new TokenApi.Hold(PAYER.address(), 30 * TOKEN));
    }

    @Test
    void aContractMovesOnlyTheSendersOwnTokens() {
        PrivateKey other = DevAccounts.ganacheAccount(3);
        mine(EscrowBooking.send(BOOKING, PAYEE, 5 * TOKEN));
        time += 1000;
        ledger.mine(time, ledger.sign(other, EscrowBooking.send(BOOKING, PAYEE, 7 * TOKEN)));

        assertThat(balance(PAYER.address())).isEqualTo(95 * TOKEN);
        assertThat(balance(other.address())).isEqualTo(93 * TOKEN);
        assertThat(balance(PAYEE)).isEqualTo(12 * TOKEN);
        assertThat(refusal(EscrowBooking.send(BOOKING, PAYEE, 95 * TOKEN + 1))).isEqualTo("tokens.balance");
    }

    @Test
    void oneHoldPaysSeveralPayeesNamedInListArguments() {
        Address nurse = OTHER_PATIENT.address();
        mine(EscrowBooking.book(BOOKING, VISIT, 30 * TOKEN));
        mine(EscrowBooking.payEach(BOOKING, VISIT, List.of(PAYEE, nurse), List.of(10 * TOKEN, 5 * TOKEN)));

        assertThat(balance(PAYEE)).isEqualTo(10 * TOKEN);
        assertThat(balance(nurse)).isEqualTo(5 * TOKEN);
        assertThat(heldAsSeenBy(BOOKING, VISIT)).contains(new TokenApi.Hold(PAYER.address(), 15 * TOKEN));
        assertThat(refusal(ContractCall.of(BOOKING, "payEach", Arg.of(VISIT), Arg.of(List.of(Arg.of(PAYEE), Arg.of("nurse"))),
                Arg.of(List.of(Arg.of(1L), Arg.of(1L)))))).as("a text among the payees").isEqualTo("escrowtest.arguments");
        assertThat(refusal(EscrowBooking.payEach(BOOKING, VISIT, List.of(PAYEE, nurse), List.of(10 * TOKEN, 5 * TOKEN + 1))))
                .as("the second payment goes over; the first is undone with it").isEqualTo("tokens.overRelease");
    }

    @Test
    void aReleaseThatWouldOverflowThePayeesBalanceIsRefused() {
        Genesis overfull = new Genesis(TestChains.CHAIN_ID, T0, TestChains.GENESIS.sealers(), Genesis.Parameters.dev(),
                Map.of(PAYER.address(), 100 * TOKEN, PAYEE, Long.MAX_VALUE - 5), null);
        ConsentLedger rich = new ConsentLedger(TestChains.newChain(overfull, contracts()));
        rich.mine(T0 + 1000, rich.sign(PAYER, EscrowBooking.book(BOOKING, VISIT, 10)));

        assertThat(rich.refusalLeavingStateUnchanged(rich.sign(PAYER, EscrowBooking.pay(BOOKING, VISIT, PAYEE, 10)), T0 + 2000))
                .isEqualTo("tokens.overflow");
    }

    /** Mines {@code call}, signed by the payer, into the next block; the supply is unchanged after it. */
    private void mine(ContractCall call) {
        time += 1000;
        ledger.mine(time, ledger.sign(PAYER, call));
        assertThat(Tokens.supply(ledger.state())).as("the supply after %s", call).isEqualTo(TestChains.GENESIS.totalSupply());
    }

    private String refusal(ContractCall call) {
        return ledger.refusalLeavingStateUnchanged(ledger.sign(PAYER, call), time + 1000);
    }

    /** What {@link TokenApi#held} tells {@code contract} about {@code holdId}, as the contract notes it in a block. */
    private Optional<TokenApi.Hold> heldAsSeenBy(String contract, Hash holdId) {
        time += 1000;
        ledger.mine(time, ledger.sign(PAYER, EscrowBooking.note(contract, holdId)));
        return ledger.state().read(EscrowBooking.seenKey(contract, holdId)).map(TokenApi.Hold::decode);
    }

    private long balance(Address account) {
        return Tokens.balanceOf(ledger.state().view(), account);
    }
}
