package org.careledger.outbox;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** The modules' {@link CallHook}s by kind, found among the Spring beans on first use (one per kind). */
@Component
class Hooks {

    private final ObjectProvider<CallHook> beans;
    private volatile Map<CallKind, CallHook> byKind;

    Hooks(ObjectProvider<CallHook> beans) {
        this.beans = beans;
    }

    /** The hook of a kind about to be queued: a kind nobody answers for is a programming error. */
    CallHook require(CallKind kind) {
        return find(kind).orElseThrow(() -> new IllegalStateException("No module registered a CallHook for " + kind));
    }

    Optional<CallHook> find(CallKind kind) {
        Map<CallKind, CallHook> known = byKind;
        if (known == null) {
            known = collect();
            byKind = known;
        }
        return Optional.ofNullable(known.get(kind));
    }

    private Map<CallKind, CallHook> collect() {
        Map<CallKind, CallHook> out = new HashMap<>();
        beans.orderedStream().forEach(hook -> hook.kinds().forEach(kind -> {
            CallHook other = out.putIfAbsent(kind, hook);
            if (other != null && other != hook) {
                throw new IllegalStateException("Two CallHooks answer for " + kind + ": " + other + " and " + hook);
            }
        }));
        return Map.copyOf(out);
    }
}
