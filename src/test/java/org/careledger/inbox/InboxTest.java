package org.careledger.inbox;

import org.careledger.IntegrationTest;
import org.careledger.common.NotFoundException;
import org.careledger.identity.Role;
import org.careledger.identity.TestAccounts;
import org.careledger.identity.UserId;
import org.careledger.identity.UserProfile;
import org.careledger.inbox.internal.Subject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InboxTest extends IntegrationTest {

    @Autowired
    ApplicationContext ctx;
    @Autowired
    Inbox inbox;
    @Autowired
    TransactionTemplate tx;

    UserProfile alice;
    UserProfile bob;

    @BeforeEach
    void twoUsersWithMessages() {
        TestAccounts accounts = new TestAccounts(ctx);
        alice = accounts.pending(Role.PATIENT);
        bob = accounts.pending(Role.DOCTOR);
        tx.executeWithoutResult(s -> {
            inbox.send(alice.id(), "For Alice 1", "first", null);
            inbox.send(alice.id(), "For Alice 2", "second", "patient");
            inbox.send(bob.id(), "For Bob", "only bob", null);
        });
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void aUserSeesOnlyTheirOwnMessagesNewestFirst() {
        TestAccounts.signIn(alice.username(), Role.PATIENT);
        assertThat(inbox.mine()).extracting(InboxMessage::title).containsExactly("For Alice 2", "For Alice 1");
        assertThat(inbox.myUnreadCount()).isEqualTo(2);

        TestAccounts.signIn(bob.username(), Role.DOCTOR);
        assertThat(inbox.mine()).extracting(InboxMessage::title).containsExactly("For Bob");
    }

    @Test
    void markingAMessageReadLowersTheUnreadCount() {
        TestAccounts.signIn(alice.username(), Role.PATIENT);
        InboxMessage first = inbox.mine().get(1);

        inbox.markRead(first.id());

        assertThat(inbox.myUnreadCount()).isEqualTo(1);
        assertThat(inbox.mine()).filteredOn(m -> m.id() == first.id()).singleElement()
                .satisfies(m -> assertThat(m.unread()).isFalse());
        inbox.markRead(first.id()); // idempotent
        assertThat(inbox.myUnreadCount()).isEqualTo(1);
        inbox.markAllRead();
        assertThat(inbox.myUnreadCount()).isZero();
    }

    @Test
    void markingAnotherUsersMessageReadIsNotFoundAndChangesNothing() {
        TestAccounts.signIn(bob.username(), Role.DOCTOR);
        long bobsMessage = inbox.mine().get(0).id();

        TestAccounts.signIn(alice.username(), Role.PATIENT);
        assertThatThrownBy(() -> inbox.markRead(bobsMessage))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("No such message in your inbox");
        assertThatThrownBy(() -> inbox.markRead(Long.MAX_VALUE)).isInstanceOf(NotFoundException.class);

        TestAccounts.signIn(bob.username(), Role.DOCTOR);
        assertThat(inbox.myUnreadCount()).isEqualTo(1);
    }

    @Test
    void markAllReadTouchesOnlyMyOwnMessages() {
        TestAccounts.signIn(alice.username(), Role.PATIENT);
        inbox.markAllRead();
        TestAccounts.signIn(bob.username(), Role.DOCTOR);
        assertThat(inbox.myUnreadCount()).isEqualTo(1);
    }

    @Test
    void nobodySignedInHasNoInbox() {
        // CurrentUser.require() refuses with Spring Security's AccessDeniedException ("Sign in first")
        assertThatThrownBy(() -> inbox.mine()).isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @Test
    void sendingOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> inbox.send(alice.id(), "t", "b", null))
                .isInstanceOf(org.springframework.transaction.IllegalTransactionStateException.class);
    }

    @Test
    void longTitlesAndBodiesAreClipped() {
        tx.executeWithoutResult(s -> inbox.send(alice.id(), "T".repeat(300), "B".repeat(3000), null));
        TestAccounts.signIn(alice.username(), Role.PATIENT);
        InboxMessage m = inbox.mine().get(0);
        assertThat(m.title()).hasSize(200).endsWith("…");
        assertThat(m.body()).hasSize(2000).endsWith("…");
    }

    @Test
    void anOnlineUserIsToldTheNewUnreadCountAfterCommit() {
        InboxBroadcaster broadcaster = ctx.getBean(InboxBroadcaster.class);
        java.util.List<Long> told = new java.util.concurrent.CopyOnWriteArrayList<>();
        Runnable unsubscribe = broadcaster.subscribe(alice.id(), told::add);
        try {
            tx.executeWithoutResult(s -> {
                inbox.send(alice.id(), "Live", "pushed", null);
                assertThat(told).as("not before commit").isEmpty();
            });
            assertThat(told).containsExactly(3L);
        } finally {
            unsubscribe.run();
        }
        tx.executeWithoutResult(s -> inbox.send(alice.id(), "After", "not pushed", null));
        assertThat(told).containsExactly(3L);
    }

    @Test
    void settlingASubjectMarksItHandledForEveryRecipientSayingHowAndTellsEachTheirNewCount() {
        Subject registration = Subject.registration(new UserId(4242));
        tx.executeWithoutResult(s -> {
            inbox.send(alice.id(), registration, "New registration to review", "Carol registered", "admin?user=4242");
            inbox.send(bob.id(), registration, "New registration to review", "Carol registered", "admin?user=4242");
        });
        java.util.List<String> told = new java.util.concurrent.CopyOnWriteArrayList<>();
        Runnable forAlice = ctx.getBean(InboxBroadcaster.class).subscribe(alice.id(), n -> told.add("alice " + n));
        Runnable forBob = ctx.getBean(InboxBroadcaster.class).subscribe(bob.id(), n -> told.add("bob " + n));
        try {
            int settled = tx.execute(s -> inbox.settle(registration, alice.id(), "Approved by you", "Approved by Alice"));
            assertThat(settled).isEqualTo(2);
        } finally {
            forAlice.run();
            forBob.run();
        }

        assertThat(told).containsExactlyInAnyOrder("alice 2", "bob 1");
        TestAccounts.signIn(alice.username(), Role.PATIENT);
        assertThat(inbox.mine().get(0)).satisfies(m -> {
            assertThat(m.title()).isEqualTo("New registration to review");
            assertThat(m.handled()).isTrue();
            assertThat(m.unread()).isFalse();
            assertThat(m.outcome()).isEqualTo("Approved by you");
        });
        assertThat(inbox.myUnreadCount()).as("her other two messages").isEqualTo(2);
        TestAccounts.signIn(bob.username(), Role.DOCTOR);
        assertThat(inbox.mine().get(0)).satisfies(m -> {
            assertThat(m.outcome()).isEqualTo("Approved by Alice");
            assertThat(m.unread()).isFalse();
        });
        assertThat(inbox.myUnreadCount()).isEqualTo(1);
    }

    @Test
    void aMessageAlreadyReadStillShowsHowItWasHandledAndASecondSettlementChangesNothing() {
        Subject entry = Subject.entryProposal(new org.careledger.records.EntryId("entry-read-first"));
        tx.executeWithoutResult(s -> inbox.send(alice.id(), entry, "New entry for your record", "Approve or reject it.", null));
        TestAccounts.signIn(alice.username(), Role.PATIENT);
        inbox.markRead(inbox.mine().get(0).id());

        tx.executeWithoutResult(s -> inbox.settle(entry, alice.id(), "You approved this entry", "Approved"));
        assertThat((int) tx.execute(s -> inbox.settle(entry, alice.id(), "You rejected this entry", "Rejected"))).isZero();

        assertThat(inbox.mine().get(0)).satisfies(m -> {
            assertThat(m.outcome()).isEqualTo("You approved this entry");
            assertThat(m.settledAt()).isNotNull();
        });
        assertThat(inbox.myUnreadCount()).isEqualTo(2);
    }

    @Test
    void aReviewSettlesOnlyTheOldestOfTwoEmergenciesOfTheSamePair() {
        Subject emergency = Subject.emergencyReview(alice.id(), bob.id());
        tx.executeWithoutResult(s -> {
            inbox.send(alice.id(), emergency, "Emergency access to review", "first", null);
            inbox.send(alice.id(), emergency, "Emergency access to review", "second", null);
        });

        tx.executeWithoutResult(s -> inbox.settle(emergency, null, "Reviewed by you: justified", "Reviewed by Dan: justified"));

        TestAccounts.signIn(alice.username(), Role.PATIENT);
        assertThat(inbox.mine()).filteredOn(m -> m.title().startsWith("Emergency"))
                .extracting(InboxMessage::body, InboxMessage::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("second", null),
                        org.assertj.core.groups.Tuple.tuple("first", "Reviewed by Dan: justified"));
    }

    @Test
    void settlingOneSubjectLeavesTheOthersWaiting() {
        tx.executeWithoutResult(s -> inbox.send(alice.id(), Subject.erasureRequest(new org.careledger.records.EntryId("kept-waiting")),
                "Erasure requested", "waits", null));

        tx.executeWithoutResult(s -> inbox.settle(Subject.erasureRequest(new org.careledger.records.EntryId("another")), null, "x", "y"));

        TestAccounts.signIn(alice.username(), Role.PATIENT);
        assertThat(inbox.mine().get(0)).satisfies(m -> {
            assertThat(m.handled()).isFalse();
            assertThat(m.unread()).isTrue();
        });
    }
}
