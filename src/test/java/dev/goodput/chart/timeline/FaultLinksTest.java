package dev.goodput.chart.timeline;

import dev.goodput.core.attribution.FaultRole;
import dev.goodput.core.derive.Derivation;
import dev.goodput.core.derive.DerivationSettings;
import dev.goodput.core.derive.GoodputDeriver;
import dev.goodput.core.model.EndReason;
import dev.goodput.core.model.FaultEvent;
import dev.goodput.core.model.RunBuilder;
import dev.goodput.core.model.Source;
import dev.goodput.testing.FaultRuns;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Roots and cascades as the views say them: the derivation's links (docs/derivation.md), a fault's role from the
 * analyst overriding its own, on the real run285 log and the hand-computed three SLURM jobs.
 */
class FaultLinksTest {
    private static FaultEvent at(Derivation d, String file, long line) {
        return d.run().faults().stream()
                .filter(f -> f.source().fileName().equals(file) && f.source().line() == line)
                .findFirst().orElseThrow(() -> new AssertionError("no fault at " + file + ":" + line + " in "
                        + d.run().faults()));
    }

    @Test
    void run285sWatchdogIsTheRootOfTheTeardownThatFollows() {
        // The watchdog (line 41, 06:31:05.050) is the failure's earliest fault; torchrun's SIGTERM (line 125) and
        // its failure summary (line 200), a minute later, are its cascades.
        Derivation d = FaultRuns.run285();
        FaultLinks links = FaultLinks.of(d);
        String log = FaultRuns.RUN285_LOG.getFileName().toString();
        FaultEvent watchdog = at(d, log, 41);
        FaultLinks.Link root = links.of(watchdog);
        assertEquals(FaultLinks.Kind.ROOT, root.kind());
        assertFalse(root.byAnalyst());
        List<FaultEvent> others = d.run().faults().stream().filter(f -> f != watchdog).toList();
        assertEquals(2, others.size());
        assertEquals(others.size(), root.cascades().size());
        for (FaultEvent c : others) {
            FaultLinks.Link l = links.of(c);
            assertEquals(FaultLinks.Kind.CASCADE, l.kind(), c.toString());
            assertSame(watchdog, l.root());
            assertEquals(new FaultRole.FaultRef(watchdog.source().toString(), watchdog.timeUs()), l.rootRef());
            assertTrue(l.costsNothing());
        }
        assertFalse(links.byAnalyst());
    }

    @Test
    void theThreeSlurmJobsHaveTwoRootsAndTheFailedJobIsTheWatchdogsCascade() {
        // Job 2001 ended NODE_FAIL (slurmstepd's banner, slurm-2001.out:22): a root with nothing after it. Job 2002's
        // watchdog (slurm-2002.out:27, 10:23:30) is the root of its job's FAILED end (sacct line 6, 10:24:00).
        Derivation d = FaultRuns.slurm3Jobs();
        FaultLinks links = FaultLinks.of(d);
        FaultLinks.Link node = links.of(at(d, "slurm-2001.out", 22));
        assertEquals(FaultLinks.Kind.ROOT, node.kind());
        assertTrue(node.cascades().isEmpty());
        FaultEvent watchdog = at(d, "slurm-2002.out", 27);
        FaultEvent failed = at(d, "sacct_2001-2003.txt", 6);
        assertEquals(List.of(failed), links.of(watchdog).cascades());
        assertSame(watchdog, links.of(failed).root());
        assertEquals(3, links.faults().size());
        assertEquals(List.of(node.fault(), watchdog, failed), links.faults()); // time order
    }

    @Test
    void anAnalystsRoleOverridesTheDerivationsLinkFaultByFault() {
        Derivation d = FaultRuns.slurm3Jobs();
        FaultEvent node = at(d, "slurm-2001.out", 22);
        FaultEvent watchdog = at(d, "slurm-2002.out", 27);
        FaultEvent failed = at(d, "sacct_2001-2003.txt", 6);
        // The analyst reads the FAILED end as the teardown, and the watchdog as an echo of the node failure.
        FaultLinks links = FaultLinks.of(d, List.of(
                new FaultRole(FaultLinks.refOf(failed), FaultRole.Kind.TEARDOWN, null, ""),
                new FaultRole(FaultLinks.refOf(watchdog), FaultRole.Kind.CASCADE, FaultLinks.refOf(node), "echo")));
        assertEquals(FaultLinks.Kind.TEARDOWN, links.of(failed).kind());
        assertTrue(links.of(failed).byAnalyst());
        assertNull(links.of(failed).root());
        FaultLinks.Link w = links.of(watchdog);
        assertEquals(FaultLinks.Kind.CASCADE, w.kind());
        assertSame(node, w.root());
        // The node failure, still the derivation's root, now lists the watchdog; the watchdog no longer lists the
        // teardown.
        assertEquals(List.of(watchdog), links.of(node).cascades());
        assertFalse(links.of(node).byAnalyst());
        assertTrue(w.cascades().isEmpty());
        assertTrue(links.byAnalyst());
    }

    @Test
    void aFaultAnAnalystLinksCascadesToBecomesTheirRoot() {
        // run285's SIGTERM (line 125) is made the root of the failure summary (line 200): the SIGTERM had no link of
        // its own but the cascade of the watchdog, and the analyst's role says otherwise for both.
        Derivation d = FaultRuns.run285();
        String log = FaultRuns.RUN285_LOG.getFileName().toString();
        FaultEvent sigterm = at(d, log, 125);
        FaultEvent summary = at(d, log, 200);
        FaultEvent watchdog = at(d, log, 41);
        FaultLinks links = FaultLinks.of(d, List.of(
                new FaultRole(FaultLinks.refOf(sigterm), FaultRole.Kind.ROOT_CAUSE, null, ""),
                new FaultRole(FaultLinks.refOf(summary), FaultRole.Kind.CASCADE, FaultLinks.refOf(sigterm), "")));
        assertEquals(FaultLinks.Kind.ROOT, links.of(sigterm).kind());
        assertEquals(List.of(summary), links.of(sigterm).cascades());
        assertEquals(List.of(), links.of(watchdog).cascades());
        assertEquals(FaultLinks.Kind.ROOT, links.of(watchdog).kind()); // the derivation's, untouched
    }

    @Test
    void aCascadeWhoseRootIsNotInTheRunKeepsTheRootsRecordAndTime() {
        Derivation d = FaultRuns.slurm3Jobs();
        FaultEvent failed = at(d, "sacct_2001-2003.txt", 6);
        FaultRole.FaultRef gone = new FaultRole.FaultRef("/old/run/node03.dmesg:7", failed.timeUs() - 60_000_000L);
        FaultLinks links = FaultLinks.of(d, List.of(new FaultRole(FaultLinks.refOf(failed), FaultRole.Kind.CASCADE,
                gone, "")));
        FaultLinks.Link l = links.of(failed);
        assertEquals(FaultLinks.Kind.CASCADE, l.kind());
        assertNull(l.root());
        assertEquals(gone, l.rootRef());
        assertEquals("cascade of a fault at 2024-05-01 10:23:00 UTC (/old/run/node03.dmesg:7) (set by you)",
                FaultText.link(l));
    }

    @Test
    void theNearestFaultToAPointAndHowManyAreNear() {
        Derivation d = FaultRuns.slurm3Jobs();
        FaultLinks links = FaultLinks.of(d);
        FaultEvent watchdog = at(d, "slurm-2002.out", 27);
        long s = 1_000_000L;
        assertSame(watchdog, links.nearest(watchdog.timeUs() + 10 * s, 15 * s)); // the FAILED end is 20 s off
        assertEquals(2, links.countNear(watchdog.timeUs() + 15 * s, 15 * s));
        assertNull(links.nearest(watchdog.timeUs() - 60 * s, 30 * s));
    }

    @Test
    void aSurvivedFaultIsUnlinkedUntilAnAnalystLinksACascadeToIt() {
        // Steps of 10 s from 10 s to 1210 s; an Xid at 100 s that the job survived (18 min of steps followed), an
        // illegal memory access at 1215 s, the job's end at 1220 s. The failure's window reaches back 10 min to
        // 620 s: the access is its root, the Xid in no window.
        long s = 1_000_000L;
        RunBuilder b = new RunBuilder();
        b.jobStart(0, 8, 8, new Source("/logs/job.log", 1));
        for (int i = 0; i < 120; i++) {
            b.step(i + 1, (10 + 10L * i) * s, (20 + 10L * i) * s, -1, new Source("/logs/job.log", 10 + i));
        }
        FaultEvent xid = new FaultEvent(100 * s, "faulty_gpu", "Xid 79: GPU has fallen off the bus", "node3", -1,
                null, new Source("/logs/node3.dmesg", 5), "xid_fallen_off_bus");
        FaultEvent access = new FaultEvent(1215 * s, "software_bug", "CUDA error: an illegal memory access", null, 0,
                null, new Source("/logs/job.log", 200), "cuda_program_error");
        b.fault(xid);
        b.fault(access);
        b.jobEnd(1220 * s, EndReason.FAULT, new Source("/logs/job.log", 201));
        Derivation d = GoodputDeriver.derive(b.build(), DerivationSettings.defaults());
        FaultLinks derived = FaultLinks.of(d);
        assertEquals(FaultLinks.Kind.UNLINKED, derived.of(xid).kind());
        assertEquals("linked to no failure: costs nothing", FaultText.link(derived.of(xid)));
        assertEquals(FaultLinks.Kind.ROOT, derived.of(access).kind());
        assertEquals("root, no cascades", FaultText.link(derived.of(access)));

        // The analyst says the access was the GPU's echo: the Xid becomes the root of its cascade.
        FaultLinks linked = FaultLinks.of(d, List.of(new FaultRole(FaultLinks.refOf(access), FaultRole.Kind.CASCADE,
                FaultLinks.refOf(xid), "")));
        assertEquals(FaultLinks.Kind.ROOT, linked.of(xid).kind());
        assertFalse(linked.of(xid).byAnalyst());
        assertEquals(List.of(access), linked.of(xid).cascades());
        assertEquals("root of 1 cascade", FaultText.link(linked.of(xid)));
        assertEquals("Faulty GPU at 1970-01-01 00:01:40 UTC (node3.dmesg:5)", FaultText.root(linked.of(access)));
        assertEquals("xid_fallen_off_bus", FaultText.rule(xid));
    }
}
