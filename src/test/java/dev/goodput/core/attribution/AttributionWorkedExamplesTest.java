package dev.goodput.core.attribution;

import dev.goodput.core.derive.Derivation;
import dev.goodput.core.derive.IntervalState;
import dev.goodput.core.model.Layer;
import dev.goodput.core.report.GoodputReport;
import dev.goodput.core.report.WaterfallStep;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.goodput.core.attribution.ReportFigures.disruptions;
import static dev.goodput.core.attribution.ReportFigures.intervals;
import static dev.goodput.core.attribution.ReportFigures.layerSeconds;
import static dev.goodput.core.attribution.ReportFigures.seconds;
import static dev.goodput.core.attribution.TinyRun.us;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * Attribution on the 100 s example of {@link TinyRun#hundredSeconds}, by hand. The base partition:
 * 0..40 s productive, 40..50 s unattributed downtime (infra), 50..98 s productive, 98..100 s shutdown
 * (framework). Productive 88 s, so infra = 90/100 = 0.90, framework = 88/90 = 0.9778, model = MFU = 0.5,
 * overall = 0.90 × 88/90 × 0.5 = 0.44. One disruption (the unlogged end at 40 s) with uptime 40 + 50 = 90 s.
 */
class AttributionWorkedExamplesTest {
    private static final double EPS = 1e-12;

    private final Derivation base = TinyRun.hundredSeconds().derive();
    private final IncrementalAttribution attribution = IncrementalAttribution.of(base, Overlay.EMPTY);
    private final EditHistory history = new EditHistory(attribution);
    private final Tagging tagging = new Tagging(attribution::overlay, new Counter()::next);

    @Test
    void theBaseIsAsDerived() {
        GoodputReport r = base.report();
        assertEquals(0.90, r.goodput().infra(), EPS);
        assertEquals(88.0 / 90.0, r.goodput().framework(), EPS);
        assertEquals(0.5, r.goodput().model(), EPS);
        assertEquals(0.44, r.goodput().overall(), EPS);
        assertEquals(10.0, seconds(r, "unattributed_downtime"), EPS);
        assertEquals(Map.of("unattributed_downtime", 1), disruptions(r));
        // An empty overlay changes nothing, to the last bit.
        assertEquals(r, attribution.report());
        assertEquals(4, attribution.size());
        assertEquals(base.intervals(), attribution.intervals().stream().map(AttributedInterval::interval).toList());
        assertEquals(List.of(Assignment.IMPORTER), attribution.intervals().stream()
                .map(AttributedInterval::assignedBy).distinct().toList());
    }

    @Test
    void taggingTheDowntimeAsAnInfraCauseChangesOnlyTheCauseTable() {
        history.apply(tagging.tag(downtime(), "faulty_gpu", Layer.INFRA, "Xid 79 in the node's dmesg"));
        GoodputReport r = attribution.report();
        // 10 s move from one infra cause to another: every goodput stays.
        assertEquals(0.90, r.goodput().infra(), EPS);
        assertEquals(88.0 / 90.0, r.goodput().framework(), EPS);
        assertEquals(0.44, r.goodput().overall(), EPS);
        assertEquals(0.0, seconds(r, "unattributed_downtime"), EPS);
        assertEquals(10.0, seconds(r, "faulty_gpu"), EPS);
        assertEquals(1, intervals(r, "faulty_gpu"));
        assertEquals(new Assignment.ByUser("t1"), attribution.at(us(45)).orElseThrow().assignedBy());
        // The disruption at 40 s decided that downtime, so it now counts as a GPU fault: MTBF 90 s, MTTR 10 s.
        assertEquals(Map.of("faulty_gpu", 1), disruptions(r));
        assertEquals(90.0, r.reliability().causes().get(0).mtbfSeconds(), EPS);
        assertEquals(10.0, r.reliability().causes().get(0).mttrSeconds(), EPS);
    }

    @Test
    void mttrCountsOnlyTheRecoveryTimeStillChargedToTheCause() {
        // The GPU fault at 40 s ends the attempt at 45 s; the job is back at 50 s: 10 s of faulty_gpu, MTTR 10 s.
        // An analyst who finds the last 3 s were a queue wait tags 47..50 s as queue: the fault's repair is 7 s.
        // Tagging the whole 40..50 s as scheduler moves the disruption itself (its instant now says scheduler),
        // with all 10 s of it.
        Derivation crashed = TinyRun.hundredSecondsWithFault("Xid 79").derive();
        IncrementalAttribution a = IncrementalAttribution.of(crashed, Overlay.EMPTY);
        EditHistory h = new EditHistory(a);
        Tagging t = new Tagging(a::overlay, new Counter()::next);
        assertEquals(10.0, a.report().reliability().mttrSeconds(), EPS);
        h.apply(t.tagRange(us(47), us(50), "queue", Layer.INFRA, false, ""));
        assertEquals(Map.of("faulty_gpu", 1), disruptions(a.report()));
        assertEquals(7.0, a.report().reliability().causes().get(0).mttrSeconds(), EPS);
        assertEquals(7.0, a.report().reliability().mttrSeconds(), EPS);
        assertEquals(a.report(), NaiveAttribution.report(crashed, a.overlay()));
        h.apply(t.tagRange(us(40), us(50), "scheduler", Layer.INFRA, false, ""));
        assertEquals(Map.of("scheduler", 1), disruptions(a.report()));
        assertEquals(10.0, a.report().reliability().mttrSeconds(), EPS);
        h.undo();
        h.undo();
        assertEquals(crashed.report(), a.report());
    }

    @Test
    void taggingTheDowntimeAsCheckpointRestoreMovesItFromInfraToFramework() {
        history.apply(tagging.tag(downtime(), "checkpoint_restore", Layer.FRAMEWORK, ""));
        GoodputReport r = attribution.report();
        // No infra loss: available = 100 s, infra = 100/100 = 1.00; framework = 88/100 = 0.88.
        // infra × framework = 0.88 before and after (productive time did not change); MFU stays 0.5.
        assertEquals(1.00, r.goodput().infra(), EPS);
        assertEquals(0.88, r.goodput().framework(), EPS);
        assertEquals(0.5, r.goodput().model(), EPS);
        assertEquals(0.44, r.goodput().overall(), EPS);
        assertEquals(0.0, layerSeconds(r, Layer.INFRA), EPS);
        assertEquals(12.0, layerSeconds(r, Layer.FRAMEWORK), EPS); // 10 s restore + 2 s shutdown
        assertEquals(100.0, r.availableSeconds(), EPS);
        WaterfallStep available = r.waterfall().stream().filter(s -> s.label().equals("Available")).findFirst()
                .orElseThrow();
        assertEquals(1.0, available.fraction(), EPS);
    }

    @Test
    void splittingTheDowntimeTagsItsHalvesApart() {
        history.apply(tagging.split(downtime(), us(45)));
        assertEquals(5, attribution.size());
        AttributedInterval right = attribution.at(us(47)).orElseThrow();
        history.apply(tagging.tag(right, "checkpoint_restore", Layer.FRAMEWORK, ""));
        GoodputReport r = attribution.report();
        // 40..45 s stays unattributed (infra), 45..50 s is restore (framework): infra = 95/100,
        // framework = 88/95, their product still 88/100.
        assertEquals(0.95, r.goodput().infra(), EPS);
        assertEquals(88.0 / 95.0, r.goodput().framework(), EPS);
        assertEquals(0.88, r.goodput().infra() * r.goodput().framework(), EPS);
        assertEquals(5.0, seconds(r, "unattributed_downtime"), EPS);
        assertEquals(5.0, seconds(r, "checkpoint_restore"), EPS);
        assertEquals(5, r.intervalCount());
        // Re-tagging a half replaced its own tag rather than stacking a third one.
        assertEquals(2, attribution.overlay().tags().size());
        assertEquals(List.of(us(0), us(40), us(45), us(50), us(98)),
                attribution.intervals().stream().map(AttributedInterval::startUs).toList());
    }

    @Test
    void mergingTheHalvesAgainGivesOneTagOverBoth() {
        history.apply(tagging.split(downtime(), us(45)));
        AttributedInterval left = attribution.at(us(41)).orElseThrow();
        AttributedInterval right = attribution.at(us(47)).orElseThrow();
        history.apply(tagging.merge(left, right, "scheduler", Layer.INFRA, ""));
        assertEquals(1, attribution.overlay().tags().size());
        assertEquals(4, attribution.size());
        assertEquals(10.0, seconds(attribution.report(), "scheduler"), EPS);
        assertEquals(1, intervals(attribution.report(), "scheduler"));
    }

    @Test
    void taggingSeveralRowsAtOnceIsOneUndoStep() {
        // The downtime (10 s, infra) and the shutdown (2 s, framework) both to "scheduler" (infra):
        // infra = (100 - 12)/100 = 0.88, framework = 88/88 = 1.00.
        AttributedInterval shutdown = attribution.at(us(99)).orElseThrow();
        history.apply(tagging.tagRows(List.of(downtime(), shutdown), "scheduler", Layer.INFRA, ""));
        assertEquals(0.88, attribution.report().goodput().infra(), EPS);
        assertEquals(1.00, attribution.report().goodput().framework(), EPS);
        assertEquals(12.0, seconds(attribution.report(), "scheduler"), EPS);
        assertEquals(java.util.Optional.of("Tag 2 intervals as Scheduler / orchestration"), history.undoLabel());
        history.undo();
        assertEquals(base.report(), attribution.report());
    }

    @Test
    void aTagNeverRelabelsProductiveTime() {
        // 30..60 s: 10 s of productive step time either side of the downtime; only the 10 s lost move.
        history.apply(tagging.tagRange(us(30), us(60), "queue", Layer.INFRA, false, ""));
        GoodputReport r = attribution.report();
        assertEquals(88.0, r.productiveSeconds(), EPS);
        assertEquals(10.0, seconds(r, "queue"), EPS);
        assertEquals(4, attribution.size());
        assertInstanceOf(IntervalState.Productive.class, attribution.at(us(35)).orElseThrow().interval().state());
    }

    @Test
    void laterTagsWinWhereTheyOverlap() {
        history.apply(tagging.tagRange(us(40), us(50), "faulty_gpu", Layer.INFRA, false, ""));
        history.apply(tagging.tagRange(us(42), us(44), "nic", Layer.INFRA, false, ""));
        GoodputReport r = attribution.report();
        // faulty_gpu 40..42 and 44..50 (two pieces, 8 s), nic 42..44 (2 s).
        assertEquals(8.0, seconds(r, "faulty_gpu"), EPS);
        assertEquals(2, intervals(r, "faulty_gpu"));
        assertEquals(2.0, seconds(r, "nic"), EPS);
        assertEquals(6, attribution.size());
        // Added the other way round, the wide tag covers the narrow one.
        IncrementalAttribution other = IncrementalAttribution.of(base, new Overlay(List.of(
                attribution.overlay().tags().get(1), attribution.overlay().tags().get(0)), List.of(), List.of()));
        assertEquals(10.0, seconds(other.report(), "faulty_gpu"), EPS);
        assertEquals(0.0, seconds(other.report(), "nic"), EPS);
    }

    @Test
    void aTagForUnattributedDowntimeOnlyLeavesEverythingElse() {
        history.apply(tagging.tagRange(us(0), us(100), "scheduler", Layer.INFRA, true, ""));
        GoodputReport r = attribution.report();
        assertEquals(10.0, seconds(r, "scheduler"), EPS);
        assertEquals(2.0, seconds(r, "shutdown"), EPS); // framework, not unattributed: untouched
        // Once re-tagged, the downtime is no longer unattributed: a second such tag finds nothing to do.
        history.apply(tagging.tagRange(us(0), us(100), "queue", Layer.INFRA, true, ""));
        assertEquals(r, attribution.report());
    }

    @Test
    void aTagInTheModelLayerCountsAsFramework() {
        // Lost time is infra or framework; the model layer is MFU (as the derivation does for phases).
        history.apply(tagging.tag(downtime(), "gpu_idle", Layer.MODEL, ""));
        GoodputReport r = attribution.report();
        assertEquals(1.00, r.goodput().infra(), EPS);
        assertEquals(0.88, r.goodput().framework(), EPS);
        assertEquals(Layer.FRAMEWORK, r.badput().stream().filter(c -> c.cause().equals("gpu_idle")).findFirst()
                .orElseThrow().layer());
    }

    @Test
    void nextAndPreviousUnattributedStepThroughTheDowntime() {
        assertEquals(us(40), attribution.nextUnattributed(us(0)).orElseThrow().startUs());
        assertEquals(us(40), attribution.previousUnattributed(us(100)).orElseThrow().startUs());
        assertEquals(true, attribution.nextUnattributed(us(40)).isEmpty());
        assertEquals(true, attribution.previousUnattributed(us(40)).isEmpty());
        history.apply(tagging.split(downtime(), us(45)));
        history.apply(tagging.tag(attribution.at(us(41)).orElseThrow(), "nic", Layer.INFRA, ""));
        assertEquals(us(45), attribution.nextUnattributed(us(0)).orElseThrow().startUs());
    }

    private AttributedInterval downtime() {
        return attribution.at(us(40)).orElseThrow();
    }

    /** Tag ids t1, t2, ... */
    static final class Counter {
        private int n;

        String next() {
            return "t" + ++n;
        }
    }
}
