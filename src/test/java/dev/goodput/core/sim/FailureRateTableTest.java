package dev.goodput.core.sim;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FailureRateTableTest {
    private static final double LLAMA3_GPU_HOURS = 54 * 24.0 * 16_384;

    @Test
    void llama3TableHasTheEighteenPublishedCausesSummingTo419() {
        FailureRateTable t = FailureRateTable.llama3();
        assertEquals(18, t.unexpected().size());
        assertEquals(419, t.unexpectedCount());
        assertEquals(419 / LLAMA3_GPU_HOURS, t.unexpectedPerGpuHour(), 1e-15);
        assertEquals(47 / LLAMA3_GPU_HOURS, t.plannedPerGpuHour(), 1e-15);
    }

    @Test
    void ratesAreCountsOverGpuHoursWithSnakeCaseCauseIds() {
        FailureRateTable t = FailureRateTable.llama3();
        FailureRate first = t.unexpected().get(0);
        assertEquals("faulty_gpu", first.cause());
        assertEquals("Faulty GPU", first.component());
        assertEquals(148, first.count());
        assertEquals(148 / LLAMA3_GPU_HOURS, first.perGpuHour(), 1e-18);
        assertEquals("gpu_hbm3_memory", t.unexpected().get(1).cause());
        assertEquals(java.util.List.of("faulty_gpu", "gpu_hbm3_memory", "software_bug", "network_switch_cable",
                "host_maintenance", "gpu_sram_memory", "gpu_system_processor", "nic", "nccl_watchdog_timeouts",
                "silent_data_corruption", "gpu_thermal_interface_sensor", "ssd", "power_supply", "server_chassis",
                "io_expansion_board", "dependency", "cpu", "system_memory"),
                t.unexpected().stream().map(FailureRate::cause).toList());
    }

    /** One source of truth: the table's components are the catalogue's Table 5 causes, ids, labels and groups. */
    @Test
    void everyComponentIsACatalogueCauseWithTheComponentAsItsLabel() {
        for (FailureRate r : FailureRateTable.llama3().unexpected()) {
            dev.goodput.core.model.Cause c = dev.goodput.core.model.CauseCatalog.byId(r.cause());
            assertEquals(r.component(), c.label(), r.cause());
            assertEquals(r.component(), r.label());
            assertEquals(dev.goodput.core.model.CauseCatalog.Group.ofTable5Category(r.category()),
                    dev.goodput.core.model.CauseCatalog.groupOf(r.cause()), r.cause());
        }
        long table5 = dev.goodput.core.model.CauseCatalog.entries().stream()
                .filter(e -> e.group().name().startsWith("TABLE5_")).count();
        assertEquals(18, table5, "exactly the components of Table 5");
    }

    @Test
    void aComponentOutsideTheCatalogueKeepsItsNameAsAnId() throws IOException {
        String csv = "component,category,interruption_count\nGPU Fan,GPU,3\nnetwork failure,Network,2\n";
        FailureRateTable t = FailureRateTable.parse(new StringReader(csv), 1, 1, 0, "test");
        assertEquals("gpu_fan", t.unexpected().get(0).cause());
        assertEquals("GPU fan", t.unexpected().get(0).label());
        assertEquals("network_switch_cable", t.unexpected().get(1).cause(), "an old id is the catalogue's");
    }

    @Test
    void parsesAnyTableWithTheNamedColumns() throws IOException {
        String csv = "category,interruption_count,component\nGPU,10,Faulty GPU\n\nHost,5,Power Supply\n";
        FailureRateTable t = FailureRateTable.parse(new StringReader(csv), 10, 100, 2, "test");
        assertEquals(15, t.unexpectedCount());
        assertEquals(10 / (10 * 24.0 * 100), t.unexpected().get(0).perGpuHour(), 1e-15);
        assertEquals("power_supply", t.unexpected().get(1).cause());
        assertEquals(0, t.withoutPlanned().plannedPerGpuHour());
    }

    @Test
    void rejectsATableWithoutCounts() {
        assertThrows(IllegalArgumentException.class, () -> FailureRateTable.parse(
                new StringReader("component,category\nCPU,Host\n"), 1, 1, 0, "test"));
    }
}
