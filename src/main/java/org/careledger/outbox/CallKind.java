package org.careledger.outbox;

import java.util.regex.Pattern;

/**
 * A kind of ledger call, named by the module that owns it: {@code records.anchor},
 * {@code registry.register}. The owning module declares its kinds as constants and registers one
 * {@link CallHook} for them; the outbox stores the name with each queued call.
 */
public record CallKind(String module, String name) {

    private static final Pattern PART = Pattern.compile("[a-z][a-zA-Z0-9]{0,28}");

    public CallKind {
        if (module == null || !PART.matcher(module).matches() || name == null || !PART.matcher(name).matches()) {
            throw new IllegalArgumentException("A call kind is two names of a letter and up to 28 letters or digits: " + module + "." + name);
        }
    }

    /** The kind written as {@code module.name}. */
    public static CallKind parse(String text) {
        int dot = text == null ? -1 : text.indexOf('.');
        if (dot < 0) {
            throw new IllegalArgumentException("A call kind is written module.name, not " + text);
        }
        return new CallKind(text.substring(0, dot), text.substring(dot + 1));
    }

    @Override
    public String toString() {
        return module + "." + name;
    }
}
