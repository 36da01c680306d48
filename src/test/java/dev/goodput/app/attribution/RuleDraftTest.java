package dev.goodput.app.attribution;

import dev.goodput.core.attribution.AttributedDerivation;
import dev.goodput.core.attribution.AttributedInterval;
import dev.goodput.core.attribution.Assignment;
import dev.goodput.core.attribution.IncrementalAttribution;
import dev.goodput.core.attribution.Overlay;
import dev.goodput.core.attribution.Rule;
import dev.goodput.core.derive.Derivation;
import dev.goodput.core.model.FaultEvent;
import dev.goodput.core.model.Layer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RuleDraftTest {
    /** 2025-03-03 09:10:00 UTC. */
    private static final long T = 1_740_993_000_000_000L;
    private static final CauseChoices CAUSES = CauseChoices.of(null, Overlay.EMPTY);
    private static Derivation bloom;

    @BeforeAll
    static void load() throws Exception {
        bloom = BloomSample.derive();
    }

    private static RuleDraft draft(String message, String source, String from, String to, String cause) {
        return new RuleDraft("NCCL", message, source, from, to, cause, Layer.INFRA, true);
    }

    @Test
    void aCompleteDraftIsTheRule() {
        RuleDraft.Checked c = new RuleDraft("NCCL timeouts", "NCCL.*timeout", "rank\\d+\\.log",
                "2025-03-03 09:10:00 UTC", "2025-03-03 10:10:00 UTC", "Faulty GPU", Layer.INFRA, false)
                .check("r1", CAUSES);
        assertEquals(List.of(), c.problems());
        assertEquals(new Rule("r1", "NCCL timeouts", "NCCL.*timeout", "rank\\d+\\.log", T, T + 3_600_000_000L,
                "faulty_gpu", Layer.INFRA, false), c.rule());
        assertTrue(c.valid());
        assertEquals(new RuleDraft.Selection("NCCL.*timeout", "rank\\d+\\.log", T, T + 3_600_000_000L), c.selection());
    }

    @Test
    void blankFieldsMeanAnyAndOpenEndsAndANewCauseNameIsMadeAnId() {
        Rule r = new RuleDraft("", "", "rank7\\.log", " ", "", "Bad PSU", Layer.FRAMEWORK, true).check("r2", CAUSES)
                .rule();
        assertEquals(new Rule("r2", "rank7\\.log", null, "rank7\\.log", Long.MIN_VALUE, Long.MAX_VALUE, "bad_psu",
                Layer.FRAMEWORK, true), r, "a blank name is the pattern's");
    }

    @Test
    void timesAreReadInTheWorkbenchFormatWithOrWithoutUtcOrAsIso() {
        for (String t : List.of("2025-03-03 09:10:00 UTC", "2025-03-03 09:10:00", " 2025-03-03 09:10:00 utc ",
                "2025-03-03T09:10:00Z", "2025-03-03 9:10", "2025-03-03T09:10z")) {
            assertEquals(T, draft("x", "", t, "", "queue").check("r", CAUSES).rule().fromUs(), t);
        }
        assertEquals(T + 250_000, draft("x", "", "2025-03-03 09:10:00.25 UTC", "", "queue").check("r", CAUSES)
                .rule().fromUs());
    }

    @Test
    void eachProblemIsSaidOnItsOwnLine() {
        RuleDraft.Checked c = draft("(abcd", "[", "yesterday", "2025-03-03 9h10", "").check("r", CAUSES);
        assertEquals(List.of("message pattern: Unclosed group near index 5",
                "source pattern: Unclosed character class near index 0",
                "from: expected yyyy-MM-dd HH:mm:ss UTC",
                "to: expected yyyy-MM-dd HH:mm:ss UTC",
                "cause is required"), c.problems());
        assertNull(c.rule());
        assertFalse(c.valid());
        assertNull(c.selection());

        assertEquals(List.of("a rule needs a message or source pattern"),
                draft("", " ", "", "", "queue").check("r", CAUSES).problems());
        assertEquals(List.of("to: must be after from"),
                draft("x", "", "2025-03-03 09:10:00 UTC", "2025-03-03 09:10:00 UTC", "queue").check("r", CAUSES)
                        .problems());
        assertEquals(List.of("layer: a rule attributes lost time to infra or framework"),
                new RuleDraft("", "x", "", "", "", "queue", Layer.MODEL, true).check("r", CAUSES).problems());
    }

    @Test
    void theSelectionIsReadWhileOnlyTheCauseIsMissingSoThePreviewShowsEarly() {
        RuleDraft.Checked c = draft("one GPU dies", "", "", "", " ").check("r", CAUSES);
        assertNull(c.rule());
        assertEquals(new RuleDraft.Selection("one GPU dies", null, Long.MIN_VALUE, Long.MAX_VALUE), c.selection());
    }

    @Test
    void anExistingRuleReadsBackAsItself() {
        List<Rule> rules = List.of(
                new Rule("a", "GPU", "one GPU dies", null, Long.MIN_VALUE, Long.MAX_VALUE, "faulty_gpu", Layer.INFRA,
                        true),
                new Rule("b", "odd", null, "run\\.jsonl", T + 123_456, T + 7_000_000, "dataloader__deadlock",
                        Layer.FRAMEWORK, false),
                new Rule("c", "re-layered", "stuck", null, T, Long.MAX_VALUE, "faulty_gpu", Layer.FRAMEWORK, true));
        // As the editor gets them: the causes offered include those of the overlay's rules.
        CauseChoices causes = CauseChoices.of(null, new Overlay(List.of(), rules, List.of()));
        for (Rule r : rules) {
            RuleDraft d = RuleDraft.of(r, causes);
            assertEquals(r, d.check(r.id(), causes, r).rule(), d.toString());
        }
        assertEquals("Faulty GPU", RuleDraft.of(rules.get(0), causes).cause());
        assertEquals("Dataloader deadlock", RuleDraft.of(rules.get(1), causes).cause());
        assertEquals("dataloader__deadlock", RuleDraft.of(rules.get(1), CAUSES).cause(),
                "an id whose label would read back as another id is shown as the id");
        // Shown to the second (no microseconds), read back exact while left as shown; to the millisecond only for
        // a range under a second.
        assertEquals("2025-03-03 09:10:00 UTC", RuleDraft.of(rules.get(1), CAUSES).from());
        assertEquals("2025-03-03 09:10:07 UTC", RuleDraft.of(rules.get(1), CAUSES).to());
        Rule brief = new Rule("d", "brief", "x", null, T + 123_456, T + 623_456, "queue", Layer.INFRA, true);
        assertEquals("2025-03-03 09:10:00.123 UTC", RuleDraft.of(brief, CAUSES).from());
        assertEquals("2025-03-03 09:10:00.623 UTC", RuleDraft.of(brief, CAUSES).to());
        assertEquals(brief, RuleDraft.of(brief, CAUSES).check("d", CAUSES, brief).rule());
        RuleDraft moved = RuleDraft.of(rules.get(1), CAUSES);
        moved = new RuleDraft(moved.name(), moved.messagePattern(), moved.sourcePattern(), "2025-03-03 09:10:01 UTC",
                moved.to(), moved.cause(), moved.layer(), moved.enabled());
        assertEquals(T + 1_000_000, moved.check("b", CAUSES, rules.get(1)).rule().fromUs(), "a time typed is read");
        assertEquals("2025-03-03 09:10:00 UTC", RuleDraft.of(rules.get(2), CAUSES).from());
        assertEquals("", RuleDraft.of(rules.get(2), CAUSES).to());
    }

    @Test
    void aRuleFromAnIntervalMatchesItsRecordsWordsLiterally() {
        AttributedInterval row = AttributedDerivation.of(bloom, Overlay.EMPTY).intervals().stream()
                .filter(p -> p.lost() && bloom.run().faults().stream().anyMatch(f -> f.source().equals(
                        p.interval().source()) && f.message().startsWith("assumed: one GPU dies")))
                .findFirst().orElseThrow();
        RuleDraft d = RuleDraft.fromInterval(row,
                IncrementalAttribution.of(bloom, Overlay.EMPTY).messageOf(row.interval().source()));
        assertEquals("assumed: one GPU dies \\(diary", d.messagePattern(), "up to the first word with a digit");
        assertEquals("assumed: one GPU dies (diary", d.name());
        assertEquals("", d.sourcePattern());
        assertEquals(row.cause().label(), d.cause());
        Rule r = d.check("r", CauseChoices.of(bloom.report(), Overlay.EMPTY)).rule();
        assertNotNull(r);
        Overlay withRule = new Overlay(List.of(), List.of(new Rule(r.id(), r.name(), r.messagePattern(), null,
                r.fromUs(), r.toUs(), "node_failure", Layer.INFRA, true)), List.of());
        List<AttributedInterval> tagged = AttributedDerivation.of(bloom, withRule).intervals().stream()
                .filter(p -> p.assignedBy() instanceof Assignment.ByRule).toList();
        long gpuDeaths = bloom.run().faults().stream().map(FaultEvent::message)
                .filter(m -> m.startsWith("assumed: one GPU dies")).count();
        assertTrue(tagged.size() >= gpuDeaths && gpuDeaths > 1, tagged.size() + " pieces for " + gpuDeaths);
        assertTrue(tagged.stream().anyMatch(p -> p.startUs() == row.startUs()));
    }

    @Test
    void theDistinctivePartOfAMessage() {
        assertEquals("NCCL watchdog timeout on rank", RuleDraft.distinctivePart("NCCL watchdog timeout on rank 7 "
                + "after 1800 s"));
        assertEquals("Xid", RuleDraft.distinctivePart("Xid 79: GPU has fallen off the bus"));
        assertEquals("79: GPU has fallen off the", RuleDraft.distinctivePart("79: GPU has fallen off the bus"),
                "no word without a digit first: the first words");
        assertEquals("a\\.b\\*\\(c\\)\\[d\\]\\{e\\}\\|f\\?g\\+h\\^i\\$j\\\\k", RuleDraft.escape("a.b*(c)[d]{e}|f?g+h^i$j\\k"));
        assertTrue("a.b*(c)[d]{e}|f?g+h^i$j\\k".matches(RuleDraft.escape("a.b*(c)[d]{e}|f?g+h^i$j\\k")));
    }
}
