package org.careledger.install;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Once the portal is ready, collects the garbage that starting it left behind (class scanning,
 * Hibernate's boot model, demo seeding), so that the JVM returns those heap regions to the system
 * instead of holding them for the life of the server. Logs the heap in use before and after.
 */
@Component
class StartupFootprint {

    private static final Logger log = LoggerFactory.getLogger(StartupFootprint.class);

    @EventListener(ApplicationReadyEvent.class)
    void releaseStartupGarbage() {
        MemoryUsage before = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        System.gc();
        MemoryUsage after = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        log.info("Ready: heap used {} MB of {} MB committed (was {} of {} MB before releasing start-up garbage)",
                after.getUsed() >> 20, after.getCommitted() >> 20, before.getUsed() >> 20, before.getCommitted() >> 20);
    }
}
