package org.careledger.appointments;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.careledger.Await;
import org.careledger.ConsortiumNodes;
import org.careledger.IntegrationTest;
import org.careledger.contracts.Appointment;
import org.careledger.contracts.AppointmentCalls;
import org.careledger.contracts.AppointmentQueries;
import org.careledger.contracts.Tokens;
import org.careledger.identity.KeyCustody;
import org.careledger.identity.TestAccounts;
import org.careledger.identity.UserProfile;
import org.careledger.ledger.ContractCall;
import org.careledger.ledger.Node;
import org.careledger.ledger.Transaction;
import org.careledger.node.LedgerService;
import org.careledger.wallet.TestFunding;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careledger.appointments.AppointmentPeople.as;

/**
 * Two bookings of one slot the chain decides, not the portal: one patient books through the portal
 * (its home node) while another's booking, signed with their key, reaches a second node of the
 * consortium as another portal's would. Exactly one gets the slot and has its fee held; the other
 * holds nothing and, if it was the portal's, is told the slot was just taken.
 */
class AppointmentRaceTest extends IntegrationTest {

    private static final long HALF_TOKEN = TestFunding.ONE_TOKEN / 2;

    @Autowired
    ApplicationContext ctx;
    @Autowired
    AppointmentBooking booking;
    @Autowired
    LedgerService ledger;
    @Autowired
    KeyCustody custody;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void twoBookingsOfOneSlotThroughTwoNodesLeaveExactlyOneAndOneHeldFee() throws InterruptedException {
        AppointmentPeople people = new AppointmentPeople(ctx);
        UserProfile doctor = people.doctor("0.5");
        UserProfile portalPatient = people.patient();
        UserProfile otherPatient = people.patient();
        TestFunding.oneToken(ctx, portalPatient, otherPatient);
        List<Node> nodes = ConsortiumNodes.of(ctx);
        assertThat(nodes).as("the in-process consortium has several nodes").hasSizeGreaterThanOrEqualTo(2);
        Map<String, Integer> winners = new TreeMap<>();
        List<Slot> slots = as(portalPatient, () -> booking.nextFreeSlots(doctor.id(), 2));
        winners.merge(race(doctor, portalPatient, otherPatient, nodes.get(1), slots.get(0), true), 1, Integer::sum);
        winners.merge(race(doctor, portalPatient, otherPatient, nodes.get(1), slots.get(1), false), 1, Integer::sum);
        System.out.println("appointment races won: " + winners);
    }

    /** One race for {@code slot}; the other node's transaction is sent first if {@code otherFirst}. Returns who won. */
    private String race(UserProfile doctor, UserProfile portalPatient, UserProfile otherPatient, Node other, Slot slot, boolean otherFirst)
            throws InterruptedException {
        long supply = Tokens.supply(ledger.committedState());
        long escrow = AppointmentQueries.escrowed(ledger.committedState());
        long portalBalance = Tokens.balanceOf(ledger.committedState().view(), portalPatient.ledgerAddress());
        long otherBalance = Tokens.balanceOf(ledger.committedState().view(), otherPatient.ledgerAddress());
        Transaction elsewhere = signed(otherPatient, AppointmentCalls.book(doctor.ledgerAddress(), slot.start().toEpochMilli(),
                slot.end().toEpochMilli(), HALF_TOKEN, null));

        if (otherFirst) {
            other.submit(elsewhere, 5_000);
        }
        AppointmentView portal;
        try {
            portal = as(portalPatient, () -> booking.book(doctor.id(), slot.start(), HALF_TOKEN, null));
        } catch (SlotTakenException taken) {
            portal = null; // the other booking was mined before the portal's dry run: told at once
        }
        if (!otherFirst) {
            Await.until("the portal's booking is in the home node's pool", () -> !ConsortiumNodes.of(ctx).get(0).mempool()
                    .pendingOf(portalPatient.ledgerAddress()).isEmpty() || ledger.pending().isEmpty());
            other.submit(elsewhere, 5_000);
        }
        AppointmentView mine = portal;
        Await.until("both bookings are settled", () -> (mine == null || as(portalPatient, () -> booking.find(mine.id())).state()
                != AppointmentState.ON_ITS_WAY) && (ledger.locate(elsewhere.id()).isPresent() || ConsortiumNodes.refusalOf(elsewhere.id()) != null));

        List<Appointment> onChain = AppointmentQueries.byDoctor(ledger.committedState(), doctor.ledgerAddress()).stream()
                .filter(a -> a.start() == slot.start().toEpochMilli() && a.state().active()).toList();
        assertThat(onChain).as("exactly one booking of the slot").hasSize(1);
        assertThat(AppointmentQueries.escrowed(ledger.committedState())).as("one fee held").isEqualTo(escrow + HALF_TOKEN);
        assertThat(Tokens.supply(ledger.committedState())).as("no token created or lost").isEqualTo(supply);
        boolean portalWon = onChain.get(0).patient().equals(portalPatient.ledgerAddress());
        long portalNow = Tokens.balanceOf(ledger.committedState().view(), portalPatient.ledgerAddress());
        long otherNow = Tokens.balanceOf(ledger.committedState().view(), otherPatient.ledgerAddress());
        assertThat(portalNow).as("the portal's patient paid only if they won").isEqualTo(portalBalance - (portalWon ? HALF_TOKEN : 0));
        assertThat(otherNow).as("the other patient paid only if they won").isEqualTo(otherBalance - (portalWon ? 0 : HALF_TOKEN));
        if (portalWon) {
            assertThat(ConsortiumNodes.refusalOf(elsewhere.id())).as("the other node's booking was refused").isNotNull()
                    .satisfies(r -> assertThat(r.rule()).isEqualTo("appointments.slotTaken"));
        } else if (mine != null) {
            AppointmentView told = as(portalPatient, () -> booking.find(mine.id()));
            assertThat(told.state()).isEqualTo(AppointmentState.REFUSED);
            assertThat(told.problem()).as("the portal's patient is told in plain words").contains("This slot was just taken");
        }
        return portalWon ? "portal (home node)" : "other patient (node " + other.name() + ")";
    }

    private Transaction signed(UserProfile signer, ContractCall call) {
        return custody.withPrivateKey(signer.id(), key -> ledger.sign(key, ledger.nextNonce(signer.ledgerAddress()), call,
                ledger.minimumFee(call)));
    }
}
