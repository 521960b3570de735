package org.careledger;

import java.util.HexFormat;
import java.util.List;

import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import static org.quicktheories.generators.SourceDSL.integers;

/** QuickTheories generators the property tests share. */
public final class Generators {

    private Generators() {
    }

    /**
     * Arrays of {@code minSize} to {@code maxSize} bytes of any value. They shrink towards fewer
     * bytes and towards zero bytes, and a falsification report prints them in hex (QuickTheories'
     * own byte arrays print as decimal lists).
     */
    public static Gen<byte[]> byteArrays(int minSize, int maxSize) {
        return Generate.byteArrays(integers().between(minSize, maxSize), Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0))
                .describedAs(Generators::describe);
    }

    /**
     * One of {@code generators}, each as likely. Unlike {@link Generate#oneOf}, which shrinks
     * towards its second argument, this shrinks towards the first, so list the simplest first.
     */
    @SafeVarargs
    public static <T> Gen<T> oneOf(Gen<T>... generators) {
        List<Gen<T>> choices = List.of(generators);
        return Generate.range(0, choices.size() - 1).flatMap(choices::get);
    }

    /** A byte array as a falsification report shows it: its length, then its bytes in hex. */
    public static String describe(byte[] bytes) {
        return bytes.length + " bytes: " + HexFormat.of().formatHex(bytes);
    }
}
