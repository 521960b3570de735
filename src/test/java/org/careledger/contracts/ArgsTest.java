package org.careledger.contracts;

import java.util.List;

import org.careledger.crypto.Address;
import org.careledger.crypto.DevAccounts;
import org.careledger.ledger.Arg;
import org.careledger.ledger.ContractCall;
import org.careledger.ledger.Hash;
import org.careledger.ledger.TransactionRejectedException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The list accessors of the one argument parser, and how they refuse a call of the wrong shape. */
class ArgsTest {

    private static final Address ALICE = DevAccounts.ganacheAccount(0).address();
    private static final Address BOB = DevAccounts.ganacheAccount(1).address();
    private static final Hash LINE = Hash.sha256(new byte[] {1});
    private static final String SIGNATURE = "(address[] payees, u64[] amounts)";

    private static Args invoice(Arg... args) {
        return Args.of("invoices", ContractCall.of("invoices", "issue", args), args.length, SIGNATURE);
    }

    private static Arg list(Arg... items) {
        return Arg.of(List.of(items));
    }

    @Test
    void listAccessorsGiveTheItemsInOrderAsImmutableLists() {
        Args args = invoice(list(Arg.of(BOB), Arg.of(ALICE)), list(Arg.of(LINE)), list(Arg.of(7L), Arg.of(5L)),
                list(Arg.of("consultation")), list());

        assertThat(args.addresses(0)).containsExactly(BOB, ALICE);
        assertThat(args.digests(1)).containsExactly(LINE);
        assertThat(args.u64s(2)).containsExactly(7L, 5L);
        assertThat(args.texts(3)).containsExactly("consultation");
        assertThat(args.addresses(4)).isEmpty();
        assertThatThrownBy(() -> args.u64s(2).add(1L)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void anItemOfAnotherKindIsRefusedWithTheContractsArgumentsRule() {
        assertRefused(() -> invoice(list(Arg.of(ALICE), Arg.of(5L))).addresses(0));
        assertRefused(() -> invoice(list(Arg.of("five"))).u64s(0));
        assertRefused(() -> invoice(list(Arg.of(ALICE))).digests(0));
        assertRefused(() -> invoice(list(Arg.of(5L))).texts(0));
    }

    @Test
    void aSingleValueWhereAListBelongsAndAListWhereAValueBelongsAreRefused() {
        assertRefused(() -> invoice(Arg.of(ALICE)).addresses(0));
        assertRefused(() -> invoice(list(Arg.of(ALICE))).address(0));
        assertRefused(() -> invoice(list(Arg.of(5L)), list(Arg.of(5L))).u64(1));
    }

    @Test
    void aWrongNumberOfArgumentsIsRefusedWithTheContractsArgumentsRule() {
        ContractCall call = ContractCall.of("invoices", "issue", list(Arg.of(ALICE)));
        assertRefused(() -> Args.of("invoices", call, 2, SIGNATURE));
    }

    private static void assertRefused(Runnable read) {
        assertThatThrownBy(read::run).isInstanceOfSatisfying(TransactionRejectedException.class, e -> {
            assertThat(e.rule()).isEqualTo("invoices.arguments");
            assertThat(e.getMessage()).isEqualTo("issue takes " + SIGNATURE);
        });
    }
}
