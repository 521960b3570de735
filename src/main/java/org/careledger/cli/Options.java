package org.careledger.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --name value} options and positional arguments of one command; unknown options are usage errors. */
final class Options {

    private final Map<String, String> values = new LinkedHashMap<>();
    private final List<String> positional = new ArrayList<>();

    private Options() {
    }

    /**
     * @param withValue options that take a value
     * @param flags     options that take none
     */
    static Options parse(List<String> args, Set<String> withValue, Set<String> flags) {
        Options o = new Options();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("--")) {
                String name = a;
                String value = null;
                int eq = a.indexOf('=');
                if (eq > 0) {
                    name = a.substring(0, eq);
                    value = a.substring(eq + 1);
                }
                if (flags.contains(name) && value == null) {
                    o.values.put(name, "true");
                } else if (withValue.contains(name)) {
                    if (value == null) {
                        if (i + 1 >= args.size()) {
                            throw new UsageException("option " + name + " needs a value");
                        }
                        value = args.get(++i);
                    }
                    o.values.put(name, value);
                } else {
                    throw new UsageException("unknown option " + name);
                }
            } else {
                o.positional.add(a);
            }
        }
        return o;
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    String get(String name) {
        return values.get(name);
    }

    String required(String name) {
        String v = values.get(name);
        if (v == null) {
            throw new UsageException("missing required option " + name);
        }
        return v;
    }

    Path path(String name) {
        String v = get(name);
        return v == null ? null : Path.of(v);
    }

    long longValue(String name, long defaultValue, long min, long max) {
        String v = get(name);
        if (v == null) {
            return defaultValue;
        }
        long parsed;
        try {
            parsed = Long.parseLong(v.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new UsageException("option " + name + " needs a whole number, not \"" + v + "\"");
        }
        if (parsed < min || parsed > max) {
            throw new UsageException("option " + name + " must lie between " + min + " and " + max + ", not " + parsed);
        }
        return parsed;
    }

    List<String> positional() {
        return positional;
    }

    void noPositional() {
        if (!positional.isEmpty()) {
            throw new UsageException("unexpected argument " + positional.get(0));
        }
    }
}
