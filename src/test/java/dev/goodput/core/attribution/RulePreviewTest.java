package dev.goodput.core.attribution;

import dev.goodput.core.derive.Derivation;
import dev.goodput.core.derive.Interval;
import dev.goodput.core.model.Layer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.goodput.core.attribution.TinyRun.us;
import static org.junit.jupiter.api.Assertions.assertEquals;

class RulePreviewTest {
    private final Derivation base = TinyRun.hundredSecondsWithFault("Xid 79: GPU has fallen off the bus").derive();
    private final RulePreview preview = RulePreview.of(base);

    @Test
    void countsTheLostIntervalsARuleWouldTagAndTheirTime() {
        RulePreview.Matches m = preview.matches("fallen off", null, Long.MIN_VALUE, Long.MAX_VALUE);
        Overlay o = new Overlay(List.of(), List.of(new Rule("r", "", "fallen off", null, Long.MIN_VALUE,
                Long.MAX_VALUE, "node_failure", Layer.INFRA, true)), List.of());
        List<AttributedInterval> tagged = AttributedDerivation.of(base, o).intervals().stream()
                .filter(p -> p.assignedBy() instanceof Assignment.ByRule).toList();
        assertEquals(tagged.size(), m.intervals());
        assertEquals(tagged.stream().mapToLong(p -> p.interval().durationUs()).sum(), m.lostUs());
        assertEquals(us(50) - us(40), m.lostUs(), "40..50 s is lost to the fault");
    }

    @Test
    void theRangeClipsTheTimeAndWrongPatternsOrEmptyRangesMatchNothing() {
        RulePreview.Matches clipped = preview.matches("Xid", "tiny\\.jsonl", us(44), us(47));
        assertEquals(2, clipped.intervals(), "the fault's 40..45 s and the downtime after it to 50 s");
        assertEquals(us(47) - us(44), clipped.lostUs());
        assertEquals(RulePreview.Matches.NONE, preview.matches("(unclosed", null, Long.MIN_VALUE, Long.MAX_VALUE));
        assertEquals(RulePreview.Matches.NONE, preview.matches("Xid", null, us(50), us(50)));
        assertEquals(RulePreview.Matches.NONE, preview.matches("no such words", null, Long.MIN_VALUE, Long.MAX_VALUE));
        assertEquals(RulePreview.Matches.NONE, preview.matches(null, "other\\.log", Long.MIN_VALUE, Long.MAX_VALUE));
    }

    @Test
    void aRuleIsPreviewedWhetherOrNotItIsEnabledAndThePreviewLeavesTheDerivationAlone() {
        Rule off = new Rule("r", "", "Xid", null, Long.MIN_VALUE, Long.MAX_VALUE, "faulty_gpu", Layer.INFRA, false);
        List<Interval> before = List.copyOf(base.intervals());
        assertEquals(preview.matches("Xid", null, Long.MIN_VALUE, Long.MAX_VALUE), preview.matches(off));
        assertEquals(before, base.intervals());
    }
}
