package org.careledger;

import java.util.HexFormat;

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

    /** A byte array as a falsification report shows it: its length, then its bytes in hex. */
    public static String describe(byte[] bytes) {
        return bytes.length + " bytes: " + HexFormat.of().formatHex(bytes);
    }
}
