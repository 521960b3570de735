package org.careledger.install;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Once the portal is ready, collects the garbage that starting it left behind (class scanning,
 * Hibernate's boot model, demo seeding), so that the JVM returns those heap regions to the system
 * instead of holding them for the life of the server, and from then on keeps the heap near its use
 * where the operator has not chosen otherwise ({@link HeapFootprint}). Logs the heap in use before and
 * after, and the JVM options it set.
 */
@Component
class StartupFootprint {

    private static final Logger log = LoggerFactory.getLogger(StartupFootprint.class);

    @EventListener(ApplicationReadyEvent.class)
    void releaseStartupGarbage() {
        List<String> set = HeapFootprint.keepNearUse(HeapFootprint.platform());
        MemoryUsage before = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        System.gc();
        boolean trimmed = HeapFootprint.trimNativeHeap();
        MemoryUsage after = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        log.info("Ready: heap used {} MB of {} MB committed (was {} of {} MB before releasing start-up garbage){}{}",
                after.getUsed() >> 20, after.getCommitted() >> 20, before.getUsed() >> 20, before.getCommitted() >> 20,
                set.isEmpty() ? "" : "; kept near its use with -XX:" + String.join(" -XX:", set)
                        + " (the JVM's defaults; options given on the command line are kept)",
                trimmed ? "; native heap trimmed" : "");
    }
}
