package dev.goodput.core.attribution;

import dev.goodput.core.derive.Derivation;
import dev.goodput.core.derive.DerivationSettings;
import dev.goodput.core.derive.GoodputDeriver;
import dev.goodput.core.io.InputException;
import dev.goodput.core.io.LoadMode;
import dev.goodput.core.io.RunLoader;
import dev.goodput.core.model.Layer;
import dev.goodput.core.report.GoodputReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static dev.goodput.core.attribution.ReportFigures.disruptions;
import static dev.goodput.core.attribution.ReportFigures.seconds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Attribution on the BLOOM-176B sample, whose chronicles leave ~2 days of downtime unexplained (logged as
 * downtime with cause unattributed_downtime) and whose eval hangs are four faults "stuck" or "hanging".
 */
class BloomAttributionTest {
    static final Path SAMPLE = Path.of("sample-runs", "bloom-176b", "run.jsonl");
    private static final double REL = 1e-9;

    private static Derivation base;

    @BeforeAll
    static void derive() throws InputException {
        base = GoodputDeriver.derive(new RunLoader(LoadMode.STRICT).load(List.of(SAMPLE)),
                DerivationSettings.defaults());
    }

    @Test
    void taggingAllUnattributedDowntimeAsFrameworkMovesItOutOfInfra() {
        GoodputReport before = base.report();
        double unattributed = seconds(before, "unattributed_downtime");
        assertTrue(unattributed > 86_400, "the sample has more than a day of it: " + unattributed);
        IncrementalAttribution a = IncrementalAttribution.of(base, Overlay.EMPTY);
        Tagging tagging = new Tagging(a::overlay, () -> "t1");
        new EditHistory(a).apply(tagging.tagRange(before.windowStartUs(), before.windowEndUs(), "checkpoint_restore",
                Layer.FRAMEWORK, true, "restarts after the crash were slow"));
        GoodputReport after = a.report();
        assertEquals(0.0, seconds(after, "unattributed_downtime"), 0);
        assertEquals(seconds(before, "checkpoint_restore") + unattributed, seconds(after, "checkpoint_restore"),
                unattributed * REL);
        // Infra gains exactly those seconds; infra × framework and MFU do not move.
        assertEquals(before.goodput().infra() + unattributed / before.windowSeconds(), after.goodput().infra(),
                REL);
        assertEquals(before.goodput().infra() * before.goodput().framework(),
                after.goodput().infra() * after.goodput().framework(), REL);
        assertEquals(before.goodput().model(), after.goodput().model());
        assertEquals(before.productiveSeconds(), after.productiveSeconds());
        assertEquals(before.goodput().overall(), after.goodput().overall(), REL);
    }

    @Test
    void aRuleOnTheHangMessagesMovesTheEvalDeadlocksAndTheirDisruptions() {
        GoodputReport before = base.report();
        Overlay o = new Overlay(List.of(), List.of(new Rule("r1", "eval hangs", "stuck|hanging", "run\\.jsonl",
                Long.MIN_VALUE, Long.MAX_VALUE, "dataloader_deadlock", Layer.FRAMEWORK, true)), List.of());
        GoodputReport after = AttributedDerivation.of(base, o).report();
        double moved = seconds(after, "dataloader_deadlock");
        assertTrue(moved > 0);
        // What moved came from eval_deadlock only: the same framework layer, so no goodput changes.
        assertEquals(seconds(before, "eval_deadlock"), seconds(after, "eval_deadlock") + moved,
                seconds(before, "eval_deadlock") * REL);
        assertEquals(before.goodput(), after.goodput());
        // All four hangs now count as data-loader deadlocks in MTBF/MTTR per cause.
        assertEquals(4, disruptions(after).get("dataloader_deadlock"));
        assertEquals(null, disruptions(after).get("eval_deadlock"));
        assertEquals(before.disruptions(), after.disruptions());
    }

    @Test
    void nextUnattributedWalksThroughEveryUnattributedPiece() {
        IncrementalAttribution a = IncrementalAttribution.of(base, Overlay.EMPTY);
        int capacity = base.report().accelerators();
        double total = 0;
        int count = 0;
        for (var p = a.nextUnattributed(Long.MIN_VALUE); p.isPresent(); p = a.nextUnattributed(p.get().startUs())) {
            // Window-equivalent seconds: inside an attempt only the accelerators in use count.
            total += p.get().interval().durationUs() / 1e6 * Math.min(capacity,
                    p.get().interval().acceleratorsInUse()) / capacity;
            count++;
        }
        assertEquals(seconds(base.report(), "unattributed_downtime"), total, total * REL);
        assertEquals(ReportFigures.intervals(base.report(), "unattributed_downtime"), count);
    }
}
