package org.careledger.install;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;

/**
 * Keeps the JVM's memory near what the portal uses, where the operator has not chosen otherwise.
 *
 * <p>On a server with many gigabytes, the JVM's defaults let the heap keep up to 70 % of itself free
 * after a collection and never give memory back while the portal is idle: the demo install held about
 * 450 MB settled, 55–110 MB of it live heap. So, once the start's work is done:
 * <ul>
 *   <li>{@code MinHeapFreeRatio=10} and {@code MaxHeapFreeRatio=30}: a collection shrinks the heap to its
 *       use plus 10–30 %, and grows it again as soon as users need more (no maximum is set);</li>
 *   <li>with G1, {@code G1PeriodicGCInterval=10000}: after 10 s without a collection (an idle portal),
 *       G1 collects and returns what it does not use (JEP 346); it never runs while requests allocate;</li>
 *   <li>the C library's heap is trimmed once, returning what the compilers freed while starting
 *       ({@code jcmd PID System.trim_native_heap}), where the JVM has that command.</li>
 * </ul>
 * These three options are "manageable" ones, which the JVM lets a running program set. Each is set only
 * while its origin is the JVM's default: one given on the command line ({@code -XX:MaxHeapFreeRatio=70},
 * say) or by the JVM's own ergonomics is the operator's choice and is left as it is.
 */
final class HeapFootprint {

    /** The JVM's flags as this policy reads and sets them; the platform's own bean in the portal. */
    interface VmOptions {
        /** Whether the JVM has the option, may set it, and it is still at the JVM's default. */
        boolean atDefault(String name);

        void set(String name, String value);
    }

    private HeapFootprint() {
    }

    /**
     * Applies the policy to the options still at their default; returns what it set, as
     * {@code name=value} in the order set (empty if the operator chose every one).
     */
    static List<String> keepNearUse(VmOptions options) {
        List<String> set = new ArrayList<>();
        // the JVM keeps MinHeapFreeRatio <= MaxHeapFreeRatio at every step: the minimum is lowered first,
        // and an operator's own minimum leaves the maximum alone too
        if (setIfDefault(options, "MinHeapFreeRatio", "10", set)) {
            setIfDefault(options, "MaxHeapFreeRatio", "30", set);
        }
        if (usesG1()) {
            setIfDefault(options, "G1PeriodicGCInterval", "10000", set);
        }
        return set;
    }

    private static boolean setIfDefault(VmOptions options, String name, String value, List<String> set) {
        if (!options.atDefault(name)) {
            return false;
        }
        try {
            options.set(name, value);
        } catch (IllegalArgumentException e) {
            return false; // the JVM refused the value: its own stays
        }
        set.add(name + "=" + value);
        return true;
    }

    private static boolean usesG1() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().anyMatch(gc -> gc.getName().startsWith("G1"));
    }

    /** The running JVM's options, through its HotSpot diagnostic bean. */
    static VmOptions platform() {
        HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        return new VmOptions() {
            @Override
            public boolean atDefault(String name) {
                if (hotspot == null) {
                    return false;
                }
                try {
                    VMOption option = hotspot.getVMOption(name);
                    return option.isWriteable() && option.getOrigin() == VMOption.Origin.DEFAULT;
                } catch (IllegalArgumentException e) {
                    return false; // not this JVM's option
                }
            }

            @Override
            public void set(String name, String value) {
                hotspot.setVMOption(name, value);
            }
        };
    }

    /**
     * Returns the C library's free memory to the system, as {@code jcmd PID System.trim_native_heap}
     * does. True if the JVM reported a trim; false where it has no such command (older builds) or
     * cannot trim on this system.
     */
    static boolean trimNativeHeap() {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName commands = new ObjectName("com.sun.management:type=DiagnosticCommand");
            boolean present = Arrays.stream(server.getMBeanInfo(commands).getOperations())
                    .anyMatch(op -> op.getName().equals("systemTrimNativeHeap"));
            if (!present) {
                return false;
            }
            Object said = server.invoke(commands, "systemTrimNativeHeap", new Object[0], new String[0]);
            return String.valueOf(said).startsWith("Trim native heap:"); // what it says when it trimmed
        } catch (JMException | RuntimeException e) {
            return false;
        }
    }
}
