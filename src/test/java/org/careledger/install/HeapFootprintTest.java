package org.careledger.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.management.JMException;
import javax.management.MBeanOperationInfo;
import javax.management.ObjectName;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import org.junit.jupiter.api.Test;

class HeapFootprintTest {

    private static final boolean G1 = ManagementFactory.getGarbageCollectorMXBeans().stream()
            .anyMatch(gc -> gc.getName().startsWith("G1"));

    /** The JVM's manageable heap options as a table: value and whether the operator gave it; refuses min > max as the JVM does. */
    private static final class Options implements HeapFootprint.VmOptions {
        final Map<String, String> values = new HashMap<>(Map.of("MinHeapFreeRatio", "40", "MaxHeapFreeRatio", "70",
                "G1PeriodicGCInterval", "0"));
        final Map<String, Boolean> given = new HashMap<>();

        Options given(String name, String value) {
            values.put(name, value);
            given.put(name, true);
            return this;
        }

        @Override
        public boolean atDefault(String name) {
            return values.containsKey(name) && !given.containsKey(name);
        }

        @Override
        public void set(String name, String value) {
            Map<String, String> next = new HashMap<>(values);
            next.put(name, value);
            if (Integer.parseInt(next.get("MinHeapFreeRatio")) > Integer.parseInt(next.get("MaxHeapFreeRatio"))) {
                throw new IllegalArgumentException("MinHeapFreeRatio must be <= MaxHeapFreeRatio");
            }
            values.put(name, value);
            given.put(name, false);
        }
    }

    @Test
    void anInstallOnTheJvmsDefaultsKeepsItsHeapNearItsUse() {
        Options options = new Options();

        List<String> set = HeapFootprint.keepNearUse(options);

        assertEquals("10", options.values.get("MinHeapFreeRatio"));
        assertEquals("30", options.values.get("MaxHeapFreeRatio"));
        assertEquals(G1 ? "10000" : "0", options.values.get("G1PeriodicGCInterval"), "an idle portal gives memory back under G1");
        assertEquals(G1 ? List.of("MinHeapFreeRatio=10", "MaxHeapFreeRatio=30", "G1PeriodicGCInterval=10000")
                : List.of("MinHeapFreeRatio=10", "MaxHeapFreeRatio=30"), set, "what the start's log line names");
    }

    @Test
    void theOperatorsOwnOptionsAreKept() {
        Options maxGiven = new Options().given("MaxHeapFreeRatio", "70");
        HeapFootprint.keepNearUse(maxGiven);
        assertEquals("70", maxGiven.values.get("MaxHeapFreeRatio"));
        assertEquals("10", maxGiven.values.get("MinHeapFreeRatio"));

        Options minGiven = new Options().given("MinHeapFreeRatio", "40").given("G1PeriodicGCInterval", "0");
        List<String> set = HeapFootprint.keepNearUse(minGiven);
        assertEquals("40", minGiven.values.get("MinHeapFreeRatio"));
        assertEquals("70", minGiven.values.get("MaxHeapFreeRatio"), "a maximum below the operator's minimum would be refused");
        assertEquals("0", minGiven.values.get("G1PeriodicGCInterval"));
        assertTrue(set.isEmpty(), set::toString);
    }

    @Test
    void theRunningJvmTakesThePolicyWhereItsOptionsAreDefaults() {
        HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        VMOption min = hotspot.getVMOption("MinHeapFreeRatio");
        VMOption max = hotspot.getVMOption("MaxHeapFreeRatio");
        VMOption periodic = hotspot.getVMOption("G1PeriodicGCInterval");
        try {
            List<String> set = HeapFootprint.keepNearUse(HeapFootprint.platform());
            if (min.getOrigin() == VMOption.Origin.DEFAULT && max.getOrigin() == VMOption.Origin.DEFAULT) {
                assertEquals("30", hotspot.getVMOption("MaxHeapFreeRatio").getValue());
                assertEquals(VMOption.Origin.MANAGEMENT, hotspot.getVMOption("MaxHeapFreeRatio").getOrigin());
                assertTrue(set.contains("MaxHeapFreeRatio=30"), set::toString);
            } else {
                assertFalse(set.contains("MaxHeapFreeRatio=30"), "options given to this JVM are kept: " + set);
            }
        } finally { // the rest of the suite runs on what this JVM was given
            hotspot.setVMOption("MinHeapFreeRatio", "0");
            hotspot.setVMOption("MaxHeapFreeRatio", max.getValue());
            hotspot.setVMOption("MinHeapFreeRatio", min.getValue());
            hotspot.setVMOption("G1PeriodicGCInterval", periodic.getValue());
        }
    }

    @Test
    void theNativeHeapIsTrimmedWhereTheJvmCan() {
        boolean hasCommand = Arrays.asList(diagnosticCommands()).contains("systemTrimNativeHeap");
        assertEquals(hasCommand && System.getProperty("os.name").startsWith("Linux"), HeapFootprint.trimNativeHeap());
    }

    private static String[] diagnosticCommands() {
        try {
            return Arrays.stream(ManagementFactory.getPlatformMBeanServer()
                            .getMBeanInfo(new ObjectName("com.sun.management:type=DiagnosticCommand")).getOperations())
                    .map(MBeanOperationInfo::getName).toArray(String[]::new);
        } catch (JMException e) {
            throw new AssertionError(e);
        }
    }
}
