package org.careledger.install;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.context.ApplicationListener;
import org.springframework.core.metrics.StartupStep;

/**
 * Where the start-up time goes, at a debug flag: with {@code CARELEDGER_STARTUP_TRACE=true} Spring
 * records every start-up step ({@link BufferingApplicationStartup}: context phases, each bean's
 * creation, each configuration class), and once the portal is ready the slowest steps, the time per
 * step kind and the slowest beans are printed to standard output. Off by default: recording costs a
 * little time and memory itself.
 */
public final class StartupTrace implements ApplicationListener<org.springframework.context.ApplicationEvent> {

    public static final String FLAG = "CARELEDGER_STARTUP_TRACE";
    private static final int SHOWN = 25;

    private final BufferingApplicationStartup startup;
    private final long jvmStartMillis;
    private volatile java.time.Instant webServerListening;

    private StartupTrace(BufferingApplicationStartup startup, long jvmStartMillis) {
        this.startup = startup;
        this.jvmStartMillis = jvmStartMillis;
    }

    /** Turns the trace on for {@code application} when the flag is set. */
    public static void attachIfAsked(SpringApplication application) {
        if (!Boolean.parseBoolean(System.getenv(FLAG)) && !Boolean.getBoolean("careledger.startup-trace")) {
            return;
        }
        BufferingApplicationStartup startup = new BufferingApplicationStartup(20_000);
        application.setApplicationStartup(startup);
        application.addListeners(new StartupTrace(startup,
                java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime()));
    }

    @Override
    public void onApplicationEvent(org.springframework.context.ApplicationEvent event) {
        if (event instanceof org.springframework.boot.web.context.WebServerInitializedEvent) {
            webServerListening = java.time.Instant.now();
        } else if (event instanceof ApplicationReadyEvent ready) {
            print(ready);
        }
    }

    private void print(ApplicationReadyEvent event) {
        StartupTimeline timeline = startup.getBufferedTimeline();
        List<StartupTimeline.TimelineEvent> events = timeline.getEvents();
        StringBuilder out = new StringBuilder("\n== Start-up trace (").append(FLAG).append(") ==\n");
        out.append(String.format("JVM start to Spring's first step: %d ms; Spring's steps until ready: %d ms%n",
                timeline.getStartTime().toEpochMilli() - jvmStartMillis,
                System.currentTimeMillis() - timeline.getStartTime().toEpochMilli()));

        out.append("\nTime per step kind (nested steps counted in their parents too):\n");
        Map<String, long[]> byName = new LinkedHashMap<>();
        for (StartupTimeline.TimelineEvent e : events) {
            long[] totals = byName.computeIfAbsent(e.getStartupStep().getName(), k -> new long[2]);
            totals[0] += e.getDuration().toMillis();
            totals[1]++;
        }
        byName.entrySet().stream().sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[0]).reversed())
                .limit(12).forEach(e -> out.append(String.format("  %7d ms  %5d×  %s%n", e.getValue()[0], e.getValue()[1], e.getKey())));

        out.append("\nSlowest single steps:\n");
        events.stream().sorted(Comparator.comparing(StartupTimeline.TimelineEvent::getDuration).reversed()).limit(SHOWN)
                .forEach(e -> out.append(String.format("  %7d ms  %s%n", e.getDuration().toMillis(), describe(e.getStartupStep()))));

        out.append("\nSlowest beans (their own creation, dependencies included):\n");
        events.stream().filter(e -> e.getStartupStep().getName().equals("spring.beans.instantiate"))
                .sorted(Comparator.comparing(StartupTimeline.TimelineEvent::getDuration).reversed()).limit(SHOWN)
                .forEach(e -> out.append(String.format("  %7d ms  %s%n", e.getDuration().toMillis(), describe(e.getStartupStep()))));

        java.time.Instant listening = webServerListening == null ? java.time.Instant.now() : webServerListening;
        out.append(String.format("%nThe web server listened %d ms after Spring's first step. Own time by owner until then "
                        + "(each step's time less its nested steps', beans grouped by their class's package):%n",
                listening.toEpochMilli() - timeline.getStartTime().toEpochMilli()));
        ownTimeByOwner(events.stream().filter(e -> e.getStartTime().isBefore(listening)).toList(),
                event.getApplicationContext().getBeanFactory()).entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(SHOWN)
                .forEach(e -> out.append(String.format("  %7d ms  %s%n", e.getValue(), e.getKey())));
        System.out.println(out);
    }

    /**
     * Own time (a step's duration less its direct children's) summed per owner: a bean's creation
     * counts for its class's package (org.careledger's modules by name, others by their first three
     * package names), any other step for its step kind.
     */
    static Map<String, Long> ownTimeByOwner(List<StartupTimeline.TimelineEvent> events,
                                            org.springframework.beans.factory.config.ConfigurableListableBeanFactory beans) {
        Map<Long, Long> childTime = new java.util.HashMap<>();
        for (StartupTimeline.TimelineEvent e : events) {
            Long parent = e.getStartupStep().getParentId();
            if (parent != null) {
                childTime.merge(parent, e.getDuration().toMillis(), Long::sum);
            }
        }
        Map<String, Long> byOwner = new java.util.HashMap<>();
        for (StartupTimeline.TimelineEvent e : events) {
            long own = e.getDuration().toMillis() - childTime.getOrDefault(e.getStartupStep().getId(), 0L);
            byOwner.merge(owner(e.getStartupStep(), beans), Math.max(0, own), Long::sum);
        }
        return byOwner;
    }

    private static String owner(StartupStep step, org.springframework.beans.factory.config.ConfigurableListableBeanFactory beans) {
        if (!step.getName().equals("spring.beans.instantiate")) {
            return step.getName();
        }
        String beanName = null;
        for (StartupStep.Tag tag : step.getTags()) {
            if (tag.getKey().equals("beanName")) {
                beanName = tag.getValue();
            }
        }
        Class<?> type = null;
        try {
            type = beanName == null ? null : beans.getType(beanName.startsWith("&") ? beanName.substring(1) : beanName, false);
        } catch (RuntimeException unknown) {
            // a bean defined by a post-processor's name only: counted as unknown below
        }
        if (type == null) {
            return "beans of unknown type";
        }
        String[] parts = type.getName().split("\\.");
        if (type.getName().startsWith("org.careledger.") && parts.length > 3) {
            return "beans of org.careledger." + parts[2];
        }
        return "beans of " + String.join(".", java.util.Arrays.copyOf(parts, Math.min(3, parts.length - 1)));
    }

    private static String describe(StartupStep step) {
        String tags = java.util.stream.StreamSupport.stream(step.getTags().spliterator(), false)
                .map(t -> t.getKey() + "=" + abbreviate(t.getValue())).collect(Collectors.joining(", "));
        return step.getName() + (tags.isEmpty() ? "" : " [" + tags + "]");
    }

    private static String abbreviate(String value) {
        return value.length() <= 90 ? value : value.substring(0, 87) + "...";
    }
}
