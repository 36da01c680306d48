package dev.goodput.core.attribution;

import dev.goodput.core.derive.Derivation;
import dev.goodput.core.model.Layer;
import dev.goodput.core.report.GoodputReport;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.goodput.core.attribution.TinyRun.us;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class OverlayChangeTest {
    private static final FaultRole.FaultRef FAULT = new FaultRole.FaultRef(TinyRun.FILE + ":13", us(40));
    private static final FaultRole.FaultRef OTHER = new FaultRole.FaultRef(TinyRun.FILE + ":14", us(41));

    private final Derivation base = TinyRun.hundredSecondsWithFault("Xid 79 GPU has fallen off the bus").derive();

    private static Tag tag(String id, double from, double to, String cause) {
        return new Tag(id, us(from), us(to), cause, Layer.INFRA, null, "");
    }

    private static Rule rule(String id, String pattern, String cause, boolean on) {
        return new Rule(id, id, pattern, null, Long.MIN_VALUE, Long.MAX_VALUE, cause, Layer.INFRA, on);
    }

    private static final Overlay BEFORE = new Overlay(
            List.of(tag("a", 40, 42, "maintenance"), tag("b", 42, 44, "faulty_gpu"), tag("c", 44, 46, "queue")),
            List.of(rule("r1", "Xid", "xid_error", true), rule("r2", "bus", "nvlink_error", false)),
            List.of(new FaultRole(FAULT, FaultRole.Kind.ROOT_CAUSE, null, "")));

    @Test
    void addedRemovedAndReplacedTagsRulesAndRolesGiveExactlyTheTarget() {
        Overlay after = new Overlay(
                List.of(tag("a", 40, 42, "maintenance"), tag("c", 44, 47, "scheduler"), tag("d", 47, 49, "queue")),
                List.of(rule("r1", "Xid \\d+", "xid_error", true), rule("r3", "fallen", "node_failure", true)),
                List.of(new FaultRole(FAULT, FaultRole.Kind.TEARDOWN, null, "on second thoughts"),
                        new FaultRole(OTHER, FaultRole.Kind.CASCADE, FAULT, "")));
        assertRoundTrip(BEFORE, after);
        assertRoundTrip(after, BEFORE);
    }

    @Test
    void eachKindOfChangeAloneGivesExactlyTheTarget() {
        assertRoundTrip(BEFORE, BEFORE.withTags(ts -> { ts.add(tag("n", 10, 12, "queue")); return ts; }));
        assertRoundTrip(BEFORE, BEFORE.withTags(ts -> { ts.remove(1); return ts; }));
        assertRoundTrip(BEFORE, BEFORE.withTags(ts -> { ts.set(1, tag("b", 42, 44, "xid_error")); return ts; }));
        assertRoundTrip(BEFORE, BEFORE.withRules(rs -> { rs.add(rule("r9", "GPU", "faulty_gpu", true)); return rs; }));
        assertRoundTrip(BEFORE, BEFORE.withRules(rs -> { rs.remove(0); return rs; }));
        assertRoundTrip(BEFORE, BEFORE.withRules(rs -> { rs.set(1, rs.get(1).withEnabled(true)); return rs; }));
        assertRoundTrip(BEFORE, BEFORE.withFaultRoles(fs -> { fs.clear(); return fs; }));
        assertRoundTrip(BEFORE, BEFORE.withFaultRoles(fs -> {
            fs.add(new FaultRole(OTHER, FaultRole.Kind.ROOT_CAUSE, null, ""));
            return fs;
        }));
        assertRoundTrip(BEFORE, Overlay.EMPTY);
        assertRoundTrip(Overlay.EMPTY, BEFORE);
        assertRoundTrip(BEFORE, BEFORE);
    }

    @Test
    void aReorderingIsReproducedSinceOrderDecidesOverlaps() {
        // Later tags and rules win where they overlap: the same items in another order attribute differently.
        Overlay overlapping = new Overlay(List.of(tag("x", 40, 46, "maintenance"), tag("y", 42, 44, "queue")),
                List.of(rule("r1", "Xid", "xid_error", true), rule("r2", "bus", "nvlink_error", true)), List.of());
        Overlay reordered = new Overlay(List.of(overlapping.tags().get(1), overlapping.tags().get(0)),
                List.of(overlapping.rules().get(1), overlapping.rules().get(0)), List.of());
        assertRoundTrip(overlapping, reordered);
        Overlay tagsOnly = new Overlay(reordered.tags(), overlapping.rules(), List.of());
        assertRoundTrip(overlapping, tagsOnly);
        assertEquals(reordered, OverlayChange.between(overlapping, reordered, "x").apply(overlapping).after());
        GoodputReport a = AttributedDerivation.of(base, overlapping).report();
        GoodputReport b = AttributedDerivation.of(base, reordered).report();
        assertNotEquals(a, b, "the order matters here, so the test shows it is kept");
    }

    @Test
    void theChangeIsOneUndoStepWithTheLabelAndUndoRestoresTheOverlayAndReport() {
        Overlay after = new Overlay(List.of(tag("c", 44, 47, "scheduler")), List.of(rule("r3", "fallen", "node_failure",
                true)), List.of());
        IncrementalAttribution a = IncrementalAttribution.of(base, BEFORE);
        GoodputReport start = a.report();
        EditHistory history = new EditHistory(a);
        Edit change = OverlayChange.between(BEFORE, after, "Import attributions from team.goodput-attributions");
        assertInstanceOf(Edit.Batch.class, change);
        history.apply(change);
        assertEquals(after, a.overlay());
        assertEquals(AttributedDerivation.of(base, after).report(), a.report());
        assertEquals("Import attributions from team.goodput-attributions", history.undoLabel().orElseThrow());
        history.undo();
        assertEquals(BEFORE, a.overlay());
        assertEquals(start, a.report());
        assertEquals(AttributedDerivation.of(base, BEFORE).intervals(), a.intervals());
        history.redo();
        assertEquals(after, a.overlay());
        assertEquals(AttributedDerivation.of(base, after).report(), a.report());
    }

    /** The change applied to {@code from} is {@code to}, and so is its incremental attribution. */
    private void assertRoundTrip(Overlay from, Overlay to) {
        Edit e = OverlayChange.between(from, to, "change");
        assertEquals(to, e.apply(from).after());
        IncrementalAttribution a = IncrementalAttribution.of(base, from);
        EditHistory h = new EditHistory(a);
        h.apply(e);
        assertEquals(AttributedDerivation.of(base, to).intervals(), a.intervals());
        assertEquals(AttributedDerivation.of(base, to).report(), a.report());
        h.undo();
        assertEquals(from, a.overlay());
        assertEquals(AttributedDerivation.of(base, from).report(), a.report());
    }
}
