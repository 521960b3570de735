package org.careledger.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a transaction asks a contract to do: the contract's name, the method and typed arguments.
 * The ledger only carries it; the contracts module gives it meaning.
 */
public record ContractCall(String contract, String method, List<Arg> args) {

    public static final int MAX_ARGS = 16;
    private static final Pattern CONTRACT = Pattern.compile("[a-z][a-z0-9_.]{0,31}");
    private static final Pattern METHOD = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,63}");

    public ContractCall {
        if (contract == null || !CONTRACT.matcher(contract).matches()) {
            throw new IllegalArgumentException("A contract name is 1 to 32 of a-z, 0-9, '_' and '.', starting with a letter: " + contract);
        }
        if (method == null || !METHOD.matcher(method).matches()) {
            throw new IllegalArgumentException("A method name is 1 to 64 letters, digits and '_', starting with a letter: " + method);
        }
        if (args.size() > MAX_ARGS) {
            throw new IllegalArgumentException("A call has at most " + MAX_ARGS + " arguments");
        }
        args = List.copyOf(args);
    }

    public static ContractCall of(String contract, String method, Arg... args) {
        return new ContractCall(contract, method, List.of(args));
    }

    /** The call's canonical bytes, as it travels inside a transaction. */
    public byte[] encode() {
        CanonicalWriter out = new CanonicalWriter(128);
        write(out);
        return out.toByteArray();
    }

    /** Reads a call from its canonical bytes; rejects trailing bytes. */
    public static ContractCall decode(byte[] bytes) {
        CanonicalReader in = new CanonicalReader(bytes);
        ContractCall call = read(in);
        in.end();
        return call;
    }

    void write(CanonicalWriter out) {
        out.string(contract).string(method).varint(args.size());
        args.forEach(a -> Arg.write(a, out));
    }

    static ContractCall read(CanonicalReader in) {
        String contract = in.string(32, "contract name");
        String method = in.string(64, "method name");
        int count = (int) in.varint(MAX_ARGS, "argument count");
        List<Arg> args = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            args.add(Arg.read(in));
        }
        try {
            return new ContractCall(contract, method, args);
        } catch (IllegalArgumentException e) {
            throw new MalformedEncodingException(e.getMessage());
        }
    }

    @Override
    public String toString() {
        return contract + "." + method + args;
    }
}
