package org.careledger.ledger;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;

/**
 * Reads what {@link CanonicalWriter} wrote, refusing anything that is not canonical: input cut
 * short, over-long or non-minimal varints, fields over their limit, invalid UTF-8, and (with
 * {@link #end()}) trailing bytes. Every refusal is a {@link MalformedEncodingException}.
 */
public final class CanonicalReader {

    private final byte[] data;
    private int position;

    public CanonicalReader(byte[] data) {
        this.data = data;
    }

    public int u8() {
        need(1, "byte");
        return data[position++] & 0xff;
    }

    public boolean bool() {
        int b = u8();
        if (b > 1) {
            throw new MalformedEncodingException("A boolean is 0 or 1, not " + b + " at offset " + (position - 1));
        }
        return b == 1;
    }

    public int i32BigEndian() {
        need(4, "32-bit integer");
        int v = 0;
        for (int i = 0; i < 4; i++) {
            v = (v << 8) | (data[position++] & 0xff);
        }
        return v;
    }

    public long i64BigEndian() {
        need(8, "64-bit integer");
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (data[position++] & 0xff);
        }
        return v;
    }

    /** An unsigned LEB128 value of at most {@code max}; non-minimal encodings are refused. */
    public long varint(long max, String what) {
        long value = 0;
        int shift = 0;
        int start = position;
        while (true) {
            need(1, what);
            int b = data[position++] & 0xff;
            if (shift == 63 && (b & 0x7e) != 0 || shift > 63) {
                throw new MalformedEncodingException(what + " is too large at offset " + start);
            }
            value |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                if (b == 0 && position - start > 1) {
                    throw new MalformedEncodingException(what + " is not minimally encoded at offset " + start);
                }
                break;
            }
            shift += 7;
        }
        if (value < 0 || value > max) {
            throw new MalformedEncodingException(what + " is " + value + ", over the limit of " + max + " at offset " + start);
        }
        return value;
    }

    public byte[] fixed(int length, String what) {
        need(length, what);
        byte[] out = new byte[length];
        System.arraycopy(data, position, out, 0, length);
        position += length;
        return out;
    }

    public Hash hash(String what) {
        return Hash.wrap(fixed(Hash.LENGTH, what));
    }

    public byte[] bytes(int maxLength, String what) {
        int length = (int) varint(maxLength, what + " length");
        return fixed(length, what);
    }

    public String string(int maxBytes, String what) {
        byte[] raw = bytes(maxBytes, what);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedEncodingException(what + " is not valid UTF-8");
        }
    }

    public int remaining() {
        return data.length - position;
    }

    /** Refuses trailing bytes. */
    public void end() {
        if (position != data.length) {
            throw new MalformedEncodingException((data.length - position) + " trailing byte(s) after the encoded value");
        }
    }

    private void need(int count, String what) {
        if (count < 0 || data.length - position < count) {
            throw new MalformedEncodingException("Input ends inside " + what + " at offset " + position);
        }
    }
}
