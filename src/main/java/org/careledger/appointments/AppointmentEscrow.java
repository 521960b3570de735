package org.careledger.appointments;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.careledger.contracts.Appointment;
import org.careledger.contracts.AppointmentQueries;
import org.careledger.contracts.AppointmentStatus;
import org.careledger.contracts.Appointments;
import org.careledger.contracts.ContractState;
import org.careledger.crypto.Address;
import org.careledger.ledger.Arg;
import org.careledger.ledger.ContractCall;
import org.careledger.ledger.Hash;
import org.careledger.wallet.AddressNames;
import org.careledger.wallet.InvoiceLineNames;
import org.careledger.wallet.TokenEffect;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the wallet sees appointments' money: a booking moves its fee from the patient into the
 * appointments' escrow, shown as an account of its own ({@link #ADDRESS}, which no key owns: it only
 * names the contract's holds); a refund moves it back, a completion, no-show or late cancellation to
 * the doctor; an appointment's paid invoice names its line. Each effect reads the appointment, whose
 * parties and fee never change and whose final state never changes again, so it answers the same
 * before and after its block, except a cancellation still on its way, whose refund or payment the
 * block's time decides: until then it is judged by the clock (see {@link TokenEffect}).
 */
@Configuration(proxyBeanMethods = false)
class AppointmentEscrow {

    /** The name the wallet gives the contract's escrow: the first 20 bytes of SHA-256 of a fixed label. */
    static final Address ADDRESS = Address.fromBytes(Arrays.copyOf(
            Hash.sha256("careledger:appointments:escrow".getBytes(StandardCharsets.UTF_8)).bytes(), Address.LENGTH));

    @Bean
    TokenEffect appointmentBookingEffect() {
        return effect("book", (sender, call, state) -> {
            if (call.args().size() == 5 && call.args().get(3) instanceof Arg.U64 fee && fee.value() > 0) {
                return List.of(new TokenEffect.Movement(sender, ADDRESS, fee.value()));
            }
            return List.of();
        });
    }

    @Bean
    TokenEffect appointmentDeclineEffect() {
        return effect("decline", (sender, call, state) -> appointment(call, state)
                .filter(a -> a.doctor().equals(sender)).map(a -> out(a.patient(), a.fee())).orElse(List.of()));
    }

    @Bean
    TokenEffect appointmentCancellationEffect() {
        return effect("cancel", (sender, call, state) -> appointment(call, state).filter(a -> a.patient().equals(sender)).map(a -> {
            boolean late = a.state() == AppointmentStatus.LATE_CANCELLED
                    || a.state().active() && System.currentTimeMillis() > a.freeCancellationUntil();
            return out(late ? a.doctor() : a.patient(), a.fee());
        }).orElse(List.of()));
    }

    @Bean
    TokenEffect appointmentCompletionEffect() {
        return effect("complete", (sender, call, state) -> appointment(call, state)
                .filter(a -> a.doctor().equals(sender)).map(a -> out(a.doctor(), a.fee())).orElse(List.of()));
    }

    @Bean
    TokenEffect appointmentNoShowEffect() {
        return effect("noShow", (sender, call, state) -> appointment(call, state)
                .filter(a -> a.doctor().equals(sender)).map(a -> out(a.doctor(), a.fee())).orElse(List.of()));
    }

    @Bean
    AddressNames appointmentEscrowName() {
        return address -> ADDRESS.equals(address) ? Optional.of("Appointment fees held in escrow") : Optional.empty();
    }

    @Bean
    InvoiceLineNames appointmentInvoiceLines() {
        return (code, reference) -> switch (code) {
            case Appointments.CONSULTATION -> Optional.of("Consultation");
            case Appointments.LATE_CANCELLATION -> Optional.of("Late cancellation of an appointment");
            case Appointments.NO_SHOW -> Optional.of("Missed appointment");
            default -> Optional.empty();
        };
    }

    private static List<TokenEffect.Movement> out(Address to, long fee) {
        return fee > 0 ? List.of(new TokenEffect.Movement(ADDRESS, to, fee)) : List.of();
    }

    private static Optional<Appointment> appointment(ContractCall call, Supplier<ContractState> state) {
        if (!call.args().isEmpty() && call.args().get(0) instanceof Arg.Digest id) {
            return AppointmentQueries.appointment(state.get(), id.value());
        }
        return Optional.empty();
    }

    private interface Movements {
        List<TokenEffect.Movement> of(Address sender, ContractCall call, Supplier<ContractState> state);
    }

    private static TokenEffect effect(String method, Movements movements) {
        String name = Appointments.NAME + "." + method;
        return new TokenEffect() {
            @Override
            public String call() {
                return name;
            }

            @Override
            public List<Movement> movements(Address sender, ContractCall call, Supplier<ContractState> state) {
                return movements.of(sender, call, state);
            }
        };
    }
}
