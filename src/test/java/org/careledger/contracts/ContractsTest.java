package org.careledger.contracts;

import java.util.List;
import java.util.Optional;

import org.careledger.ledger.ContractCall;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which sets of contracts a chain may run: each owns keys no other can, and each API has one provider. */
class ContractsTest {

    @Test
    void theStandardContractsRunTogether() {
        assertThatCode(Contracts::standard).doesNotThrowAnyException();
    }

    @Test
    void twoContractsWhoseKeysWouldOverlapCannotRunTogether() {
        assertThatThrownBy(() -> new Contracts(List.of(new Anchors(), idle("records.extra"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("would share keys with records");
        assertThatThrownBy(() -> new Contracts(List.of(idle("records.extra"), new Anchors())))
                .as("in either order").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Contracts(List.of(new Tokens(), new Tokens())))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Two contracts named tokens");
    }

    @Test
    void noContractMayOwnTheLedgersOwnKeys() {
        assertThatThrownBy(() -> new Contracts(List.of(idle("account"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("would share keys with account");
    }

    @Test
    void twoContractsCannotOfferTheSameApi() {
        Contract coins = new FeeFreeContract("coins") {
            @Override
            public void execute(CallContext context, ContractCall call) {
            }

            @Override
            public Optional<ContractApi<?>> api() {
                return new Tokens().api();
            }
        };

        assertThatThrownBy(() -> new Contracts(List.of(new Tokens(), coins)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("coins and tokens both offer");
    }

    @Test
    void anApiIsAnInterface() {
        assertThatThrownBy(() -> ContractApi.of(String.class, context -> "tokens"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is an interface");
        assertThat(new Tokens().api()).hasValueSatisfying(api -> assertThat(api.type()).isEqualTo(TokenApi.class));
    }

    /** A contract that does nothing: only its name matters here. */
    private static Contract idle(String name) {
        return new FeeFreeContract(name) {
            @Override
            public void execute(CallContext context, ContractCall call) {
            }
        };
    }
}
