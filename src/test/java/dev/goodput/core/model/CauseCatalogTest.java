package dev.goodput.core.model;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CauseCatalogTest {
    /** Table 5 as bundled for the simulator (../shared/data/logs/llama3_405b_54day_interruptions_table5.csv). */
    private static List<String[]> table5() throws IOException {
        try (InputStream in = CauseCatalogTest.class.getResourceAsStream(
                "/dev/goodput/core/sim/llama3_405b_54day_interruptions_table5.csv")) {
            List<String[]> rows = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("component,")) {
                    rows.add(line.split(","));
                }
            }
            return rows;
        }
    }

    @Test
    void theHardwareAndSoftwareCausesAreExactlyTable5sComponents() throws IOException {
        List<String[]> rows = table5();
        assertEquals(18, rows.size());
        Set<String> table5Ids = rows.stream().map(r -> CauseCatalog.idOf(r[0])).collect(Collectors.toSet());
        Set<String> catalogue = CauseCatalog.entries().stream().filter(e -> e.group().name().startsWith("TABLE5_"))
                .map(e -> e.cause().id()).collect(Collectors.toSet());
        assertEquals(table5Ids, catalogue);
        for (String[] r : rows) {
            Cause c = CauseCatalog.byId(CauseCatalog.idOf(r[0]));
            assertEquals(r[0], c.label(), "the paper's name is the label");
            assertEquals(CauseCatalog.Group.ofTable5Category(r[1]), CauseCatalog.groupOf(c.id()), r[0]);
            assertEquals(c.id().equals("software_bug") ? Layer.FRAMEWORK : Layer.INFRA, c.layer(), r[0]);
        }
    }

    @Test
    void theSchedulerAndDerivedCausesAreThere() {
        for (Cause c : List.of(CauseCatalog.QUEUE, CauseCatalog.PREEMPTION, CauseCatalog.TIME_LIMIT,
                CauseCatalog.USER_CANCEL, CauseCatalog.NODE_FAILURE, CauseCatalog.HOST_OOM,
                CauseCatalog.PLANNED_RESTART)) {
            assertEquals(CauseCatalog.Group.SCHEDULER, CauseCatalog.groupOf(c.id()), c.id());
        }
        assertEquals("Queueing", CauseCatalog.labelFor("queue"));
        for (String id : List.of("provisioning", "idle_accelerators", "hot_spares", "program_startup",
                "checkpoint_restore", "wasted_progress", "loss_spike_rollback", "nan_loss", "gpu_oom",
                "config_error")) {
            assertNotNull(CauseCatalog.byId(id), id);
        }
    }

    @Test
    void oldIdsAreCatalogueIdsAndReadAsThem() {
        assertEquals("faulty_gpu", CauseCatalog.canonicalId("gpu_failure"));
        assertEquals("nccl_watchdog_timeouts", CauseCatalog.canonicalId("nccl_timeout"));
        assertEquals("unattributed_downtime", CauseCatalog.canonicalId("unknown"));
        assertEquals("eval_deadlock", CauseCatalog.canonicalId("eval_deadlock"), "an analyst's id is kept");
        assertNull(CauseCatalog.canonicalId(null));
        assertEquals("Faulty GPU", CauseCatalog.labelFor("gpu_failure"));
        assertEquals(CauseCatalog.FAULTY_GPU, CauseCatalog.byId("nvlink_error"));
        assertEquals("Eval deadlock", CauseCatalog.labelFor("eval_deadlock"));
        for (var e : CauseCatalog.aliases().entrySet()) {
            assertNotNull(CauseCatalog.byId(e.getValue()), e.getValue());
            assertTrue(CauseCatalog.entries().stream().noneMatch(x -> x.cause().id().equals(e.getKey())),
                    "an old id is no catalogue id: " + e.getKey());
        }
    }

    @Test
    void theTaxonomyIsTheCatalogueLessTheMeasuredModelLayer() {
        assertTrue(CauseCatalog.taxonomy().stream().noneMatch(c -> c.layer() == Layer.MODEL));
        assertEquals(CauseCatalog.entries().stream().filter(e -> e.cause().layer() != Layer.MODEL).count(),
                CauseCatalog.taxonomy().size());
    }

    @Test
    void faultsAndDowntimesGiveCatalogueIdsWhateverTheReader() {
        Source src = new Source("run.jsonl", 3);
        FaultEvent old = new FaultEvent(0, "gpu_failure", "Xid 79", "n1", -1, null, src);
        assertEquals("faulty_gpu", old.cause());
        assertNull(old.rule());
        assertEquals("unattributed_downtime", new FaultEvent(0, " ", "?", null, -1, null, src).cause());
        assertEquals("unattributed_downtime", new FaultEvent(0, null, "?", null, -1, null, src, "").cause());
        assertEquals("xid_fallen_off_bus", new FaultEvent(0, "faulty_gpu", "m", null, -1, null, src,
                "xid_fallen_off_bus").rule());
        assertEquals("power_supply", new Downtime(DowntimeKind.OTHER, 0, 1, "power_or_cooling", src).cause());
        assertEquals("unattributed_downtime", new Downtime(DowntimeKind.OTHER, 0, 1, null, src).cause(),
                "never a silent \"other\"");
        assertNull(new Downtime(DowntimeKind.MAINTENANCE, 0, 1, null, src).cause(), "the kind says it");
    }

    @Test
    void aWatchdogFaultSaysItsTimeout() {
        Source src = new Source("rank1.log", 1);
        // XPixelGroup/BasicSR issue 737, verbatim from the watchdog's phrase on.
        String real = "Watchdog caught collective operation timeout: WorkNCCL(SeqNum=808, OpType=ALLREDUCE, "
                + "NumelIn=9801523, NumelOut=9801523, Timeout(ms)=600000) ran for 600020 milliseconds before timing "
                + "out.";
        assertEquals(600_000,
                new FaultEvent(0, "nccl_watchdog_timeouts", real, null, 1, null, src).watchdogTimeoutMs());
        assertEquals(300_000, new FaultEvent(0, "nccl_timeout", "NCCL watchdog timeout: _ALLGATHER_BASE (SeqNum 3) "
                + "ran for 300051 ms, timeout 300000 ms", null, 1, null, src).watchdogTimeoutMs(),
                "as earlier releases summarised it in run logs");
        assertEquals(-1, new FaultEvent(0, "nccl_watchdog_timeouts", "hung", null, 1, null, src).watchdogTimeoutMs());
        assertEquals(600_000, new FaultEvent(0, "faulty_gpu", real, null, 1, null, src).watchdogTimeoutMs(),
                "by the watchdog's words, whatever an analyst or a run log called its cause");
    }
}
