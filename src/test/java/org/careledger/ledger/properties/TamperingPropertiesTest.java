package org.careledger.ledger.properties;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.careledger.Generators;
import org.careledger.crypto.PrivateKey;
import org.careledger.ledger.Block;
import org.careledger.ledger.BlockHeader;
import org.careledger.ledger.BlockRejectedException;
import org.careledger.ledger.Chain;
import org.careledger.ledger.ChainUpdate;
import org.careledger.ledger.MalformedEncodingException;
import org.careledger.ledger.TestChains;
import org.careledger.ledger.Transaction;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.careledger.Generators.byteArrays;
import static org.careledger.ledger.properties.Ledgers.*;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * Stored or received bytes that were changed are never taken for what they were: decoding refuses
 * them with its one typed exception, or validation rejects the block, or (for a changed parent
 * hash) it waits as an orphan. Signatures are encoded as r and s only (no recovery id), so there is
 * no byte a change could leave without effect.
 */
class TamperingPropertiesTest {

    /** A small chain, mined once: three blocks with a few transfers each (and one empty block). */
    private static final List<Block> CHAIN = mineSmallChain();

    private static List<Block> mineSmallChain() {
        Chain chain = TestChains.newChain();
        PrivateKey alice = account(0);
        PrivateKey bob = account(1);
        mineOnto(chain, TestChains.SEALER_A, List.of(
                transfer(alice, 0, bob.address(), 5 * TOKEN, 1000),
                transfer(bob, 0, account(10).address(), 7 * TOKEN, 1000)), blockTime(1));
        mineOnto(chain, TestChains.SEALER_B, List.of(), blockTime(2));
        mineOnto(chain, TestChains.SEALER_A, List.of(
                transfer(alice, 1, bob.address(), 1, 1000),
                transfer(account(2), 0, alice.address(), 3 * TOKEN, 2000),
                transfer(alice, 2, account(3).address(), TOKEN, 1000)), blockTime(3));
        List<Block> blocks = chain.mainChainBlocks();
        assertThat(blocks).hasSize(3);
        return List.copyOf(blocks);
    }

    @Test
    void anySingleByteChangeToAStoredBlockIsDetected() {
        qt().withExamples(100)
                .forAll(integers().between(0, 2), integers().between(0, Integer.MAX_VALUE), integers().between(1, 255))
                .checkAssert(TamperingPropertiesTest::assertAChangedByteIsDetected);
    }

    /** Changes the byte at {@code where} (modulo the length) of block {@code which + 1} by {@code xor}. */
    private static void assertAChangedByteIsDetected(int which, int where, int xor) {
        Block original = CHAIN.get(which);
        byte[] bytes = original.encode();
        int position = where % bytes.length;
        bytes[position] ^= (byte) xor;

        Block changed;
        try {
            changed = Block.decode(bytes);
        } catch (MalformedEncodingException e) {
            return; // refused by decoding
        }
        Chain fresh = TestChains.newChain();
        for (int i = 0; i < which; i++) {
            fresh.add(CHAIN.get(i));
        }
        ChainUpdate update;
        try {
            update = fresh.add(changed);
        } catch (BlockRejectedException e) {
            assertThat(fresh.height()).as("a rejected block changes nothing").isEqualTo(which);
            return;
        }
        if (update.kind() == ChainUpdate.Kind.ORPHAN) {
            assertThat(changed.header().previousHash()).isNotEqualTo(original.header().previousHash());
            assertThat(fresh.height()).as("an orphan is not on the chain").isEqualTo(which);
            assertThat(fresh.contains(changed.hash())).isFalse();
            return;
        }
        throw new AssertionError("a change at offset " + position + " (xor " + xor + ") of block " + (which + 1)
                + " was accepted as " + update.kind());
    }

    @Test
    void aSignedTransactionHasExactlyOneValidEncoding() {
        Transaction tx = CHAIN.get(0).transactions().get(0);
        byte[] original = tx.encode();
        for (int position = original.length - 64; position < original.length; position++) {
            byte[] bytes = original.clone();
            bytes[position] ^= 1;
            try {
                assertThat(Transaction.decode(bytes).hasValidSignature()).as("signature byte %d changed", position).isFalse();
            } catch (MalformedEncodingException refused) {
                // refused by decoding: also not a second valid encoding
            }
        }
    }

    private static Gen<byte[]> randomBytes() {
        return Generators.oneOf(
                byteArrays(0, 400),
                byteArrays(150, 160),
                // plausible prefixes: the right version first, then anything
                byteArrays(0, 400).map(b -> prefixed(new byte[] {0, 0, 0, 1}, b)),
                byteArrays(0, 200).map(b -> prefixed(new byte[] {1}, b)))
                .describedAs(Generators::describe);
    }

    /** A mutation of a valid encoding: overwrite, insert, delete or cut at random places. */
    record Mutation(int kind, int position, int length, byte value) {
        byte[] applyTo(byte[] valid) {
            int at = Math.floorMod(position, valid.length + 1);
            switch (kind) {
                case 0: { // overwrite a run
                    byte[] out = valid.clone();
                    for (int i = at; i < Math.min(out.length, at + length); i++) {
                        out[i] = (byte) (value + i * 31);
                    }
                    return out;
                }
                case 1: { // insert
                    byte[] out = new byte[valid.length + length];
                    System.arraycopy(valid, 0, out, 0, at);
                    Arrays.fill(out, at, at + length, value);
                    System.arraycopy(valid, at, out, at + length, valid.length - at);
                    return out;
                }
                case 2: { // delete
                    int n = Math.min(length, valid.length - at);
                    byte[] out = new byte[valid.length - n];
                    System.arraycopy(valid, 0, out, 0, at);
                    System.arraycopy(valid, at + n, out, at, valid.length - at - n);
                    return out;
                }
                default: // cut
                    return Arrays.copyOf(valid, at);
            }
        }
    }

    private static Gen<List<Mutation>> mutations() {
        Gen<Mutation> mutation = integers().between(0, 3).zip(integers().between(0, 100_000), integers().between(1, 12),
                Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0), Mutation::new);
        return lists().of(mutation).ofSizeBetween(1, 4);
    }

    private static byte[] prefixed(byte[] prefix, byte[] rest) {
        byte[] out = Arrays.copyOf(prefix, prefix.length + rest.length);
        System.arraycopy(rest, 0, out, prefix.length, rest.length);
        return out;
    }

    @Test
    void decodingRandomBytesThrowsOnlyTheTypedException() {
        qt().withExamples(100)
                .forAll(randomBytes(), mutations(), integers().between(0, 2))
                .checkAssert(TamperingPropertiesTest::assertDecodingThrowsOnlyTheTypedException);
    }

    /** Decodes {@code random} and the mutated encodings of transaction {@code which} of block 3, of that block and of its header. */
    private static void assertDecodingThrowsOnlyTheTypedException(byte[] random, List<Mutation> mutations, int which) {
        Block block = CHAIN.get(2);
        Transaction tx = block.transactions().get(which);
        List<byte[]> inputs = new ArrayList<>();
        inputs.add(random);
        inputs.add(mutate(tx.encode(), mutations));
        inputs.add(mutate(block.encode(), mutations));
        inputs.add(mutate(block.header().encode(), mutations));
        for (byte[] input : inputs) {
            decodeOnlyThrowsTheTypedException("Transaction.decode", () -> Transaction.decode(input), input);
            decodeOnlyThrowsTheTypedException("Block.decode", () -> Block.decode(input), input);
            decodeOnlyThrowsTheTypedException("BlockHeader.decode", () -> BlockHeader.decode(input), input);
        }
    }

    private static byte[] mutate(byte[] valid, List<Mutation> mutations) {
        byte[] out = valid;
        for (Mutation m : mutations) {
            out = m.applyTo(out);
        }
        return out;
    }

    private static void decodeOnlyThrowsTheTypedException(String what, Runnable decode, byte[] input) {
        try {
            decode.run();
        } catch (MalformedEncodingException expected) {
            // the one typed refusal
        } catch (Throwable other) {
            fail(what + " threw " + other + " instead of MalformedEncodingException for "
                    + java.util.HexFormat.of().formatHex(input), other);
        }
    }
}
