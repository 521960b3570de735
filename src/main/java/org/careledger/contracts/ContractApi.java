package org.careledger.contracts;

import java.util.Objects;
import java.util.function.Function;

/**
 * An API a contract offers other contracts inside a transaction: an interface, and how to bind an
 * implementation of it to one call. The binding receives the provider's own {@link CallContext},
 * whose state writes only the provider's keys, whose {@link CallContext#caller()} names the
 * contract that asked and whose {@link CallContext#sender()} is the transaction's signer. Only
 * {@link CallContext#api} binds it, so an implementation never runs under another context.
 *
 * @param <A> the interface callers ask for
 */
public final class ContractApi<A> {

    private final Class<A> type;
    private final Function<CallContext, ? extends A> binding;

    private ContractApi(Class<A> type, Function<CallContext, ? extends A> binding) {
        this.type = type;
        this.binding = binding;
    }

    /**
     * The API of interface {@code type} (an interface, so that a caller depends only on what the
     * provider promises, never on its implementation); {@code binding} builds the implementation for
     * one call and must keep nothing between calls.
     */
    public static <A> ContractApi<A> of(Class<A> type, Function<CallContext, ? extends A> binding) {
        checkInterface(type);
        return new ContractApi<>(type, Objects.requireNonNull(binding, "binding"));
    }

    public Class<A> type() {
        return type;
    }

    A bind(CallContext providerContext) {
        return binding.apply(providerContext);
    }

    private static void checkInterface(Class<?> type) {
        if (!type.isInterface()) {
            throw new IllegalArgumentException("A contract's API is an interface, not " + type.getName());
        }
    }

    @Override
    public String toString() {
        return "ContractApi[" + type.getName() + "]";
    }
}
