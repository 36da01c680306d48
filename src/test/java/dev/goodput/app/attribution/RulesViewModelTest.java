package dev.goodput.app.attribution;

import dev.goodput.core.attribution.Assignment;
import dev.goodput.core.attribution.AttributedInterval;
import dev.goodput.core.attribution.Overlay;
import dev.goodput.core.attribution.Rule;
import dev.goodput.core.derive.Derivation;
import dev.goodput.core.model.FaultEvent;
import dev.goodput.core.model.Layer;
import dev.goodput.core.report.CauseShare;
import dev.goodput.core.report.GoodputReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules list and commands on the BLOOM-176B sample, whose weekly GPU deaths are faults "one GPU dies". */
class RulesViewModelTest {
    private static Derivation bloom;
    private static long gpuDeaths;

    private final AttributionSession session = new AttributionSession();
    private final AtomicInteger ids = new AtomicInteger();
    private RulesViewModel rules;
    private GoodputReport original;

    @BeforeAll
    static void load() throws Exception {
        bloom = BloomSample.derive();
        gpuDeaths = bloom.run().faults().stream().map(FaultEvent::message).filter(m -> m.contains("one GPU dies"))
                .count();
    }

    @BeforeEach
    void open() {
        session.load(bloom, Overlay.EMPTY);
        original = report();
        rules = new RulesViewModel(session, () -> "r" + ids.incrementAndGet());
    }

    private GoodputReport report() {
        return session.derivationProperty().get().report();
    }

    private static double seconds(GoodputReport r, String cause) {
        return r.badput().stream().filter(s -> s.cause().equals(cause)).mapToDouble(CauseShare::seconds).sum();
    }

    private static Rule gpuDies(String id, boolean on) {
        return new Rule(id, "GPU deaths", "one GPU dies", null, Long.MIN_VALUE, Long.MAX_VALUE, "node_failure",
                Layer.INFRA, on);
    }

    @Test
    void aRuleOnARealFaultMessageTagsItsIntervalsAndChangesTheReport() {
        assertTrue(rules.rows().isEmpty());
        assertTrue(gpuDeaths > 1, "the sample has weekly GPU deaths: " + gpuDeaths);
        rules.add(gpuDies("r1", true));

        RulesViewModel.Row row = rules.rows().get(0);
        List<AttributedInterval> tagged = session.rows().stream()
                .filter(p -> p.assignedBy().equals(new Assignment.ByRule("r1"))).toList();
        assertTrue(tagged.size() >= gpuDeaths, tagged.size() + " pieces for " + gpuDeaths + " faults");
        assertEquals(tagged.size(), row.taggedIntervals());
        assertEquals(tagged.stream().mapToLong(p -> p.interval().durationUs()).sum(), row.taggedUs());
        assertEquals("GPU deaths", row.name());
        assertEquals("/one GPU dies/", row.matches());
        assertEquals("Node failure", row.cause());
        assertEquals("Infra", row.layer());
        assertTrue(row.enabled());
        assertTrue(row.tags().startsWith(tagged.size() + " intervals · "), row.tags());

        GoodputReport after = report();
        assertNotEquals(original, after);
        assertTrue(seconds(after, "node_failure") > 0);
        assertEquals(seconds(original, "faulty_gpu"), seconds(after, "faulty_gpu") + seconds(after, "node_failure"),
                1e-6 * seconds(original, "faulty_gpu"), "the time moved from faulty_gpu, all of it");
        assertEquals("Undo Add rule GPU deaths", session.undoTextProperty().get());
    }

    @Test
    void disablingRestoresTheOriginalReportExactlyAndUndoRedoFollow() {
        rules.add(gpuDies("r1", true));
        GoodputReport withRule = report();
        int tagged = rules.rows().get(0).taggedIntervals();

        rules.setEnabled("r1", false);
        assertEquals(original, report());
        assertFalse(rules.rows().get(0).enabled());
        assertEquals(0, rules.rows().get(0).taggedIntervals());
        assertEquals("none", rules.rows().get(0).tags());
        String undo = session.undoTextProperty().get();
        rules.setEnabled("r1", false);
        assertEquals(undo, session.undoTextProperty().get(), "no step for a rule already off");

        session.undo();
        assertTrue(rules.rows().get(0).enabled());
        assertEquals(tagged, rules.rows().get(0).taggedIntervals());
        assertEquals(withRule, report());
        session.redo();
        assertEquals(0, rules.rows().get(0).taggedIntervals());
        assertEquals(original, report());
        session.undo();
        session.undo();
        assertTrue(rules.rows().isEmpty());
        assertEquals(original, report());
        session.redo();
        assertEquals(tagged, rules.rows().get(0).taggedIntervals());
    }

    @Test
    void replaceAndRemoveAreUndoableAndKeepThePlace() {
        rules.add(gpuDies("r1", true));
        rules.add(new Rule("r2", "hangs", "stuck|hanging", "run\\.jsonl", Long.MIN_VALUE, Long.MAX_VALUE,
                "dataloader_deadlock", Layer.FRAMEWORK, true));
        assertEquals(List.of("r1", "r2"), rules.rows().stream().map(RulesViewModel.Row::id).toList());
        assertEquals("/stuck|hanging/ in /run\\.jsonl/", rules.rows().get(1).matches());
        assertTrue(rules.rows().get(1).taggedIntervals() >= 4, "the four eval hangs");

        rules.replace(new Rule("r1", "GPU deaths", "one GPU dies", null, Long.MIN_VALUE, Long.MAX_VALUE,
                "power_supply", Layer.INFRA, true));
        assertEquals(List.of("r1", "r2"), rules.rows().stream().map(RulesViewModel.Row::id).toList());
        assertEquals("Power Supply", rules.rows().get(0).cause());
        assertTrue(seconds(report(), "power_supply") > 0);
        assertEquals(0, seconds(report(), "node_failure"));

        rules.remove("r1");
        assertEquals(List.of("r2"), rules.rows().stream().map(RulesViewModel.Row::id).toList());
        assertEquals(0, seconds(report(), "power_supply"));
        session.undo();
        assertEquals(List.of("r1", "r2"), rules.rows().stream().map(RulesViewModel.Row::id).toList());
        assertThrows(IllegalArgumentException.class, () -> rules.setEnabled("nope", true));
        assertThrows(IllegalArgumentException.class, () -> rules.add(gpuDies("r2", true)), "the id is taken");
    }

    @Test
    void theEditorChecksAsTheUserTypesAndPreviewsWithoutEditing() {
        RuleEditorModel editor = rules.newRule();
        assertTrue(editor.isNew());
        assertFalse(editor.validProperty().get());
        assertEquals("", editor.previewTextProperty().get());
        long revision = session.revisionProperty().get();

        editor.messagePatternProperty().set("one GPU dies");
        assertEquals(List.of("cause is required"), editor.problemsProperty().get());
        String preview = editor.previewTextProperty().get();
        assertTrue(preview.matches("Matches \\d+ lost intervals \\(.+\\) in this run"), preview);

        editor.layerProperty().set(Layer.FRAMEWORK);
        editor.causeProperty().set("Faulty GPU");
        assertEquals(Layer.INFRA, editor.layerProperty().get(), "a known cause brings its layer");
        editor.layerProperty().set(Layer.FRAMEWORK);
        assertTrue(editor.validProperty().get());
        Rule r = editor.getRule();
        assertEquals(new Rule("r1", "one GPU dies", "one GPU dies", null, Long.MIN_VALUE, Long.MAX_VALUE,
                "faulty_gpu", Layer.FRAMEWORK, true), r);

        editor.messagePatternProperty().set("one GPU (dies");
        assertNull(editor.getRule());
        assertEquals(List.of("message pattern: Unclosed group near index 13"), editor.problemsProperty().get());
        assertEquals("", editor.previewTextProperty().get());
        editor.messagePatternProperty().set("no such message anywhere");
        assertEquals("Matches no lost interval in this run", editor.previewTextProperty().get());
        assertEquals(revision, session.revisionProperty().get(), "previews never touch the session");
        assertTrue(session.overlayProperty().get().isEmpty());
    }

    @Test
    void editingARuleStartsFromItAndItsPreviewAgreesWithWhatItTags() {
        rules.add(gpuDies("r1", true));
        RuleEditorModel editor = rules.edit("r1");
        assertFalse(editor.isNew());
        assertEquals(gpuDies("r1", true), editor.getRule(), "unchanged fields give the same rule back");
        assertEquals(gpuDies("r1", true), editor.original());
        RulesViewModel.Row row = rules.rows().get(0);
        String tags = row.tags().substring(row.tags().indexOf(" · ") + 3);
        assertEquals("Matches " + row.taggedIntervals() + " lost intervals (" + tags + ") in this run",
                editor.previewTextProperty().get(), "nothing else wins over this rule here");
    }

    @Test
    void aRuleFromAnIntervalIsPrefilledFromItsRecord() {
        AttributedInterval hang = session.rows().stream().filter(p -> p.lost() && bloom.run().faults().stream()
                .anyMatch(f -> f.source().equals(p.interval().source()) && f.message().startsWith("eval at 45000 stuck")))
                .findFirst().orElseThrow();
        RuleEditorModel editor = rules.newRuleFrom(hang);
        assertEquals("eval at", editor.messagePatternProperty().get());
        assertEquals("Eval deadlock", editor.causeProperty().get());
        assertEquals(Layer.FRAMEWORK, editor.layerProperty().get());
        assertNotNull(editor.getRule());
        assertTrue(editor.previewTextProperty().get().startsWith("Matches "), editor.previewTextProperty().get());
    }

    @Test
    void withNoRunThereIsNothingToEdit() {
        session.clear();
        assertFalse(rules.loadedProperty().get());
        assertTrue(rules.rows().isEmpty());
        RuleEditorModel editor = rules.newRule();
        editor.messagePatternProperty().set("x");
        assertEquals("", editor.previewTextProperty().get());
        session.load(bloom, Overlay.EMPTY);
        assertTrue(rules.loadedProperty().get());
    }
}
