package dev.goodput.app.attribution;

import dev.goodput.core.attribution.FaultRole;
import dev.goodput.core.attribution.Overlay;
import dev.goodput.testing.FaultRuns;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The attribution table's fault rows on the three SLURM jobs: each says its source, the rule that classified it, and
 * its root (the derivation's, or the analyst's when a role is set).
 */
class FaultRowsTest {
    private AttributionSession session;
    private AttributionRows rows;

    @BeforeEach
    void open() {
        session = new AttributionSession();
        rows = new AttributionRows(session);
        session.load(FaultRuns.slurm3Jobs(), Overlay.EMPTY);
    }

    private List<AttributionRow> faults() {
        return rows.allRows().stream().filter(AttributionRow::isFault).toList();
    }

    @Test
    void faultRowsSayTheirSourceRuleAndRoot() {
        List<AttributionRow> f = faults();
        assertEquals(3, f.size());
        AttributionRow node = f.get(0);
        AttributionRow watchdog = f.get(1);
        AttributionRow failed = f.get(2);

        assertEquals("slurm-2001.out:22", node.sourceText());
        assertEquals("src/test/resources/logs/handmade/slurm-2001.out:22", node.source());
        assertEquals("slurm_node_failure", node.ruleText());
        assertEquals("root, no cascades", node.rootText());
        assertNull(node.rootRef());

        assertEquals("slurm-2002.out:27", watchdog.sourceText());
        assertEquals("nccl_watchdog_timeout", watchdog.ruleText());
        assertEquals("root of 1 cascade", watchdog.rootText());

        // sacct's FAILED says only that the job failed: no rule names a cause, and the watchdog is its root.
        assertEquals("sacct_2001-2003.txt:6", failed.sourceText());
        assertEquals("no rule matched: unattributed", failed.ruleText());
        assertEquals("NCCL Watchdog Timeouts at 2024-05-01 10:23:30 UTC (slurm-2002.out:27)", failed.rootText());
        assertEquals(watchdog.faultRef(), failed.rootRef());
        assertEquals("", failed.roleText(), "no role: the link is the derivation's");

        // Interval rows have no rule or root; their source is the record that decided them, if any.
        AttributionRow queue = rows.allRows().get(0);
        assertTrue(!queue.isFault() && queue.ruleText().isEmpty() && queue.rootText().isEmpty());
    }

    @Test
    void theAnalystsRoleDecidesTheRoot() {
        AttributionRow node = faults().get(0);
        AttributionRow failed = faults().get(2);
        // The analyst links the FAILED end to the node failure of the job before (for the test's sake).
        assertEquals(Optional.empty(), rows.setFaultRole(failed, FaultRole.Kind.CASCADE, node, "same rack"));
        failed = faults().get(2);
        assertEquals("Node failure at 2024-05-01 10:08:00 UTC (slurm-2001.out:22)", failed.rootText());
        assertEquals(node.faultRef(), failed.rootRef());
        assertEquals("root of 1 cascade", faults().get(0).rootText());
        assertEquals("root, no cascades", faults().get(1).rootText());
        // A teardown has no root.
        assertEquals(Optional.empty(), rows.setFaultRole(failed, FaultRole.Kind.TEARDOWN, null, ""));
        assertEquals("", faults().get(2).rootText());
        assertNull(faults().get(2).rootRef());
        session.undo();
        session.undo();
        assertEquals(faults().get(1).faultRef(), faults().get(2).rootRef(), "undone: the derivation's link again");
    }

    @Test
    void searchFindsFaultsByTheirRule() {
        // The rule's id is in no cause id, source or message.
        rows.searchProperty().set("slurm_node");
        assertEquals(1, rows.rows().size());
        assertEquals("slurm-2001.out:22", rows.rows().get(0).sourceText());
    }
}
