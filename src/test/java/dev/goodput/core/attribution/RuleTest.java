package dev.goodput.core.attribution;

import dev.goodput.core.derive.Derivation;
import dev.goodput.core.derive.DerivationSettings;
import dev.goodput.core.derive.Window;
import dev.goodput.core.model.Layer;
import dev.goodput.core.report.GoodputReport;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.goodput.core.attribution.ReportFigures.disruptions;
import static dev.goodput.core.attribution.ReportFigures.intervals;
import static dev.goodput.core.attribution.ReportFigures.seconds;
import static dev.goodput.core.attribution.TinyRun.us;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Rules on {@link TinyRun#hundredSecondsWithFault}: a GPU fault at 40 s (line 13) ends the first attempt at
 * 45 s and the job is back at 50 s, so 40..45 s (detection) and 45..50 s (down) are two intervals lost to
 * faulty_gpu, both decided by the fault's line; 98..100 s is shutdown, decided by the second job start.
 * Infra = 90/100, framework = 88/90.
 */
class RuleTest {
    private static final double EPS = 1e-12;
    private static final String MESSAGE = "GPU has fallen off the bus (Xid 79)";

    private final Derivation base = TinyRun.hundredSecondsWithFault(MESSAGE).derive();
    private final IncrementalAttribution attribution = IncrementalAttribution.of(base, Overlay.EMPTY);
    private final EditHistory history = new EditHistory(attribution);

    @Test
    void aRuleOnTheFaultMessageTagsEveryIntervalTheFaultDecided() {
        history.apply(new Edit.AddRule(rule("r1", "Xid 79", null, "gpu_fell_off_bus", Layer.INFRA)));
        GoodputReport r = attribution.report();
        assertEquals(10.0, seconds(r, "gpu_fell_off_bus"), EPS);
        assertEquals(2, intervals(r, "gpu_fell_off_bus"));
        assertEquals(0.0, seconds(r, "faulty_gpu"), EPS);
        assertEquals(0.90, r.goodput().infra(), EPS);
        assertEquals(88.0 / 90.0, r.goodput().framework(), EPS);
        // Each interval shows the rule that tagged it; the disruption follows its fault's new cause.
        assertEquals(new Assignment.ByRule("r1"), attribution.at(us(41)).orElseThrow().assignedBy());
        assertEquals(new Assignment.ByRule("r1"), attribution.at(us(46)).orElseThrow().assignedBy());
        assertEquals(Map.of("gpu_fell_off_bus", 1), disruptions(r));
    }

    @Test
    void aRuleThatMatchesNothingChangesNothing() {
        history.apply(new Edit.AddRule(rule("r1", "Xid 48", null, "gpu_hbm", Layer.INFRA)));
        assertEquals(base.report(), attribution.report());
    }

    @Test
    void aSourcePatternPicksEveryRecordOfAFileByItsName() {
        // Fault line (40..50 s) and the second job start (shutdown 98..100 s): 12 s to "scheduler" (infra).
        // Infra = 88/100; framework = 88/88 = 1.
        history.apply(new Edit.AddRule(rule("r1", null, "^tiny\\.jsonl$", "scheduler", Layer.INFRA)));
        GoodputReport r = attribution.report();
        assertEquals(12.0, seconds(r, "scheduler"), EPS);
        assertEquals(0.88, r.goodput().infra(), EPS);
        assertEquals(1.0, r.goodput().framework(), EPS);
        // The pattern sees the file name, not the directory.
        history.apply(new Edit.AddRule(rule("r2", null, "^logs/", "queue", Layer.INFRA)));
        assertEquals(0.0, seconds(attribution.report(), "queue"), EPS);
    }

    @Test
    void aRuleAppliesOnlyInsideItsRangeAndCutsIntervalsThere() {
        // 42..48 s: the rule takes 42..45 and 45..48 (6 s, two pieces); 40..42 and 48..50 stay faulty_gpu.
        history.apply(new Edit.AddRule(new Rule("r1", "mid", "Xid 79", null, us(42), us(48), "gpu_fell_off_bus",
                Layer.INFRA, true)));
        GoodputReport r = attribution.report();
        assertEquals(6.0, seconds(r, "gpu_fell_off_bus"), EPS);
        assertEquals(2, intervals(r, "gpu_fell_off_bus"));
        assertEquals(4.0, seconds(r, "faulty_gpu"), EPS);
        assertEquals(2, intervals(r, "faulty_gpu"));
        // The disruption instant (40 s) is outside the rule's range: it stays a faulty_gpu disruption.
        assertEquals(Map.of("faulty_gpu", 1), disruptions(r));
    }

    @Test
    void tagsWinOverRulesAndLaterRulesOverEarlierOnes() {
        history.apply(new Edit.AddRule(rule("r1", "Xid", null, "a", Layer.INFRA)));
        history.apply(new Edit.AddRule(rule("r2", "bus", null, "b", Layer.INFRA)));
        assertEquals(10.0, seconds(attribution.report(), "b"), EPS);
        history.apply(new Edit.AddTag(new Tag("t1", us(40), us(50), "nic", Layer.INFRA, null, "")));
        assertEquals(10.0, seconds(attribution.report(), "nic"), EPS);
        assertEquals(new Assignment.ByUser("t1"), attribution.at(us(45)).orElseThrow().assignedBy());
        history.apply(new Edit.RemoveTag("t1"));
        history.apply(new Tagging(attribution::overlay, () -> "x").toggleRule("r2"));
        assertEquals(10.0, seconds(attribution.report(), "a"), EPS);
        history.apply(new Edit.RemoveRule("r1"));
        assertEquals(base.report(), attribution.report());
    }

    @Test
    void timeNoRecordDecidedMatchesNoRule() {
        // Window from -10 s: -10..0 s, before the first job start, is unattributed downtime no record decided.
        // A rule with no patterns takes every record-decided lost interval (12 s) and leaves those 10 s alone.
        Derivation wide = TinyRun.hundredSecondsWithFault(MESSAGE)
                .derive(DerivationSettings.defaults().withWindow(new Window(us(-10), us(100))));
        IncrementalAttribution a = IncrementalAttribution.of(wide, Overlay.EMPTY);
        new EditHistory(a).apply(new Edit.AddRule(rule("r1", null, null, "queue", Layer.INFRA)));
        assertEquals(12.0, seconds(a.report(), "queue"), EPS);
        assertEquals(10.0, seconds(a.report(), "unattributed_downtime"), EPS);
    }

    @Test
    void aRuleAppliesToRunsLoadedLater() {
        Overlay overlay = new Overlay(List.of(), List.of(rule("r1", "Xid 79", null, "gpu_fell_off_bus",
                Layer.INFRA)), List.of());
        Derivation later = TinyRun.hundredSecondsWithFault("Xid 79 again, on node-7").derive();
        assertEquals(10.0, seconds(AttributedDerivation.of(later, overlay).report(), "gpu_fell_off_bus"), EPS);
    }

    @Test
    void aPatternThatDoesNotCompileIsRefusedAndChangesNothing() {
        assertThrows(IllegalArgumentException.class,
                () -> history.apply(new Edit.AddRule(rule("r1", "(Xid", null, "a", Layer.INFRA))));
        assertEquals(false, history.canUndo());
        assertEquals(Overlay.EMPTY, attribution.overlay());
        // One that arrives in a saved overlay selects nothing.
        Overlay saved = new Overlay(List.of(), List.of(rule("r1", "(Xid", null, "a", Layer.INFRA)), List.of());
        assertEquals(base.report(), AttributedDerivation.of(base, saved).report());
    }

    private static Rule rule(String id, String message, String source, String cause, Layer layer) {
        return new Rule(id, id, message, source, Long.MIN_VALUE, Long.MAX_VALUE, cause, layer, true);
    }

    @Test
    void aRuleOnTheFaultAlsoTakesTheTimeBetweenTheLastStepAndTheFault() {
        // Steps 0..8 end at 36 s; the fault comes at 40 s. 36..40 s (the step in flight when the GPU failed)
        // is lost to the fault as well and decided by the fault's record, so the rule takes 36..50 s: 14 s.
        TinyRun run = new TinyRun();
        run.start(0).steps(0, 8, 0).fault(40, "faulty_gpu", MESSAGE).end(45, dev.goodput.core.model.EndReason.FAULT);
        run.start(50).steps(9, 20, 50).end(100, dev.goodput.core.model.EndReason.COMPLETED);
        Derivation d = run.derive();
        double before = seconds(d.report(), "faulty_gpu");
        assertEquals(14.0, before, EPS);
        IncrementalAttribution a = IncrementalAttribution.of(d, Overlay.EMPTY);
        new EditHistory(a).apply(new Edit.AddRule(rule("r1", "Xid 79", null, "gpu_fell_off_bus", Layer.INFRA)));
        assertEquals(before, seconds(a.report(), "gpu_fell_off_bus"), EPS);
        assertEquals(0.0, seconds(a.report(), "faulty_gpu"), EPS);
        assertEquals(new Assignment.ByRule("r1"), a.at(us(37)).orElseThrow().assignedBy());
    }
}
