package org.careledger.outbox;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A kind of call for the outbox's own tests, owned by no module, with a hook that records what it
 * was told. The shared integration-test context imports it.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestCalls {

    public static final CallKind CALL = new CallKind("outboxtest", "call");

    @Bean
    RecordingHook recordingHook() {
        return new RecordingHook();
    }

    /** Remembers every settlement it runs for, in order. */
    public static final class RecordingHook implements CallHook {

        public final List<String> committed = new CopyOnWriteArrayList<>();
        public final List<String> refused = new CopyOnWriteArrayList<>();

        @Override
        public Set<CallKind> kinds() {
            return Set.of(CALL);
        }

        @Override
        public void committed(QueuedCall call, long height) {
            committed.add(call.relatedId() + "@" + height);
        }

        @Override
        public Optional<String> refused(QueuedCall call, Refusal refusal) {
            refused.add(call.relatedId() + ":" + refusal.rule());
            return Optional.of("Your test call " + call.relatedId() + " lost the race (" + refusal.rule() + ").");
        }

        @Override
        public String explain(CallKind kind, Refusal refusal) {
            return "The test call was refused: " + refusal.rule();
        }
    }
}
