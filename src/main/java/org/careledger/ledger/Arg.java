package org.careledger.ledger;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.careledger.crypto.Address;

/**
 * One typed argument of a contract call. Each kind has a one-byte tag in the canonical encoding,
 * so a contract sees exactly the type the sender meant. Free text never goes on chain: there is no
 * kind for it beyond short identifiers ({@link Text}, at most {@value #MAX_TEXT} bytes).
 */
public sealed interface Arg {

    int MAX_BYTES = 1024;
    int MAX_TEXT = 128;
    /** The most items an {@link Items} list holds. */
    int MAX_ITEMS = 256;

    /** A non-negative or negative 64-bit integer: amounts in base units, times, counts. */
    record U64(long value) implements Arg {
    }

    /** An identifier or enum name, at most {@value #MAX_TEXT} bytes of UTF-8. */
    record Text(String value) implements Arg {
        public Text {
            if (value.getBytes(StandardCharsets.UTF_8).length > MAX_TEXT) {
                throw new IllegalArgumentException("A text argument has at most " + MAX_TEXT + " bytes");
            }
        }
    }

    /** An account address. */
    record Addr(Address value) implements Arg {
    }

    /** A 32-byte digest: an anchored hash, a request id. */
    record Digest(Hash value) implements Arg {
    }

    record Flag(boolean value) implements Arg {
    }

    /** Raw bytes, at most {@value #MAX_BYTES}. */
    record Bytes(byte[] value) implements Arg {
        public Bytes {
            if (value.length > MAX_BYTES) {
                throw new IllegalArgumentException("A bytes argument has at most " + MAX_BYTES + " bytes");
            }
            value = value.clone();
        }

        @Override
        public byte[] value() {
            return value.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Bytes other && Arrays.equals(value, other.value);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return "Bytes[" + HexFormat.of().formatHex(value) + "]";
        }
    }

    /**
     * A list of arguments, such as the payees of an invoice: at most {@value #MAX_ITEMS} items, none
     * of them a list. Lists are flat so that a decoder reads at most one level below a call and its
     * work stays bounded by the byte count; a contract that needs pairs takes two lists.
     */
    record Items(List<Arg> items) implements Arg {
        public Items {
            checkCount(items.size());
            checkFlat(items);
            items = List.copyOf(items);
        }

        private static void checkCount(int count) {
            if (count > MAX_ITEMS) {
                throw new IllegalArgumentException("A list argument has at most " + MAX_ITEMS + " items, not " + count);
            }
        }

        private static void checkFlat(List<? extends Arg> items) {
            if (items.stream().anyMatch(Items.class::isInstance)) {
                throw new IllegalArgumentException("The items of a list argument may not themselves be lists");
            }
        }
    }

    static Arg of(long value) {
        return new U64(value);
    }

    static Arg of(String value) {
        return new Text(value);
    }

    static Arg of(Address value) {
        return new Addr(value);
    }

    static Arg of(Hash value) {
        return new Digest(value);
    }

    static Arg of(boolean value) {
        return new Flag(value);
    }

    /** A list argument (see {@link Items} for its limits). */
    static Arg of(List<? extends Arg> items) {
        return new Items(List.copyOf(items));
    }

    static void write(Arg arg, CanonicalWriter out) {
        if (arg instanceof U64 u) {
            out.u8(1).i64BigEndian(u.value());
        } else if (arg instanceof Text t) {
            out.u8(2).string(t.value());
        } else if (arg instanceof Addr a) {
            out.u8(3).fixed(a.value().bytes());
        } else if (arg instanceof Digest d) {
            out.u8(4).hash(d.value());
        } else if (arg instanceof Flag f) {
            out.u8(5).bool(f.value());
        } else if (arg instanceof Bytes b) {
            out.u8(6).bytes(b.value);
        } else if (arg instanceof Items list) {
            out.u8(7).varint(list.items().size());
            list.items().forEach(item -> write(item, out));
        } else {
            throw new IllegalStateException("Unknown argument kind " + arg);
        }
    }

    static Arg read(CanonicalReader in) {
        return read(in.u8(), in);
    }

    private static Arg read(int tag, CanonicalReader in) {
        return switch (tag) {
            case 1 -> new U64(in.i64BigEndian());
            case 2 -> new Text(in.string(MAX_TEXT, "text argument"));
            case 3 -> new Addr(Address.fromBytes(in.fixed(20, "address argument")));
            case 4 -> new Digest(in.hash("digest argument"));
            case 5 -> new Flag(in.bool());
            case 6 -> new Bytes(in.bytes(MAX_BYTES, "bytes argument"));
            case 7 -> readItems(in);
            default -> throw new MalformedEncodingException("Unknown argument type " + tag);
        };
    }

    /** The items of a list; a nested list's tag is refused before anything below it is read. */
    private static Items readItems(CanonicalReader in) {
        int count = (int) in.varint(MAX_ITEMS, "list item count");
        List<Arg> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int tag = in.u8();
            if (tag == 7) {
                throw new MalformedEncodingException("Item " + i + " of a list argument is itself a list");
            }
            items.add(read(tag, in));
        }
        return new Items(items);
    }
}
