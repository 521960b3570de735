package org.careledger.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import org.careledger.crypto.DevAccounts;
import org.careledger.crypto.PrivateKey;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The list argument: what it carries through a signed transaction, and the shapes it refuses. */
class ListArgumentTest {

    private static final PrivateKey ALICE = DevAccounts.ganacheAccount(0);
    private static final PrivateKey BOB = DevAccounts.ganacheAccount(1);

    @Test
    void aListOfEachKindRoundTripsThroughASignedTransaction() {
        ContractCall call = ContractCall.of("invoices", "issue",
                Arg.of(List.of(Arg.of(ALICE.address()), Arg.of(BOB.address()))),
                Arg.of(List.of(Arg.of(Hash.sha256(new byte[] {1})))),
                Arg.of(List.of(Arg.of(5L), Arg.of(7L))),
                Arg.of(List.of(Arg.of("consultation"))),
                Arg.of(List.of()));
        Transaction tx = Transaction.sign(1337, ALICE, 0, call, 1000);

        Transaction decoded = Transaction.decode(tx.encode());

        assertThat(decoded.call()).isEqualTo(call);
        assertThat(decoded.id()).isEqualTo(tx.id());
        assertThat(decoded.hasValidSignature()).isTrue();
        assertThat(((Arg.Items) decoded.call().args().get(0)).items()).containsExactly(Arg.of(ALICE.address()), Arg.of(BOB.address()));
    }

    @Test
    void aListMayHoldAnyOtherKindMixedButNotAList() {
        Arg mixed = Arg.of(List.of(Arg.of(1L), Arg.of("two"), Arg.of(true)));
        assertThat(ContractCall.decode(ContractCall.of("c", "m", mixed).encode()).args()).containsExactly(mixed);

        assertThatThrownBy(() -> Arg.of(List.of(Arg.of(1L), Arg.of(List.of(Arg.of(2L))))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("may not themselves be lists");
    }

    @Test
    void aNestedListIsRefusedWhenDecoded() {
        CanonicalWriter out = new CanonicalWriter().string("c").string("m").varint(1)
                .u8(7).varint(2).u8(1).i64BigEndian(1).u8(7).varint(0);

        assertThatThrownBy(() -> ContractCall.decode(out.toByteArray()))
                .isInstanceOf(MalformedEncodingException.class).hasMessageContaining("is itself a list");
    }

    @Test
    void aListHoldsAtMost256Items() {
        List<Arg> full = numbers(Arg.MAX_ITEMS);
        assertThat(Arg.MAX_ITEMS).isEqualTo(256);
        assertThat(ContractCall.decode(ContractCall.of("c", "m", Arg.of(full)).encode()).args()).containsExactly(Arg.of(full));

        assertThatThrownBy(() -> Arg.of(numbers(257)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 256 items");
    }

    @Test
    void aListOf257ItemsIsRefusedWhenDecodedBeforeItsItemsAreRead() {
        CanonicalWriter out = new CanonicalWriter().string("c").string("m").varint(1).u8(7).varint(257);
        for (int i = 0; i < 257; i++) {
            out.u8(1).i64BigEndian(i);
        }

        assertThatThrownBy(() -> ContractCall.decode(out.toByteArray()))
                .isInstanceOf(MalformedEncodingException.class).hasMessageContaining("list item count is 257");
    }

    @Test
    void aListIsAnImmutableCopyComparedByItsItems() {
        List<Arg> source = new ArrayList<>(numbers(2));
        Arg.Items list = new Arg.Items(source);
        source.add(Arg.of(99L));

        assertThat(list.items()).hasSize(2);
        assertThatThrownBy(() -> list.items().add(Arg.of(3L))).isInstanceOf(UnsupportedOperationException.class);
        assertThat(list).isEqualTo(Arg.of(numbers(2))).hasSameHashCodeAs(Arg.of(numbers(2)));
        assertThat(list).isNotEqualTo(Arg.of(numbers(3)));
    }

    private static List<Arg> numbers(int count) {
        return LongStream.range(0, count).mapToObj(Arg::of).toList();
    }
}
