package dev.goodput.core.attribution;

import dev.goodput.core.derive.Derivation;
import dev.goodput.core.model.Layer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A rule's pattern that backtracks catastrophically is stopped by a read budget and disabled, with one warning. */
class RuleBudgetTest {
    private static final String MESSAGE = "a".repeat(49) + "b";
    // Java 17 already cuts the backtracking of (a+)+$ short; a counted repetition it does not.
    private static final String CATASTROPHIC = "(a+){10}$";

    private final Derivation base = TinyRun.hundredSecondsWithFault(MESSAGE).derive();

    private static Rule rule(String id, String messagePattern) {
        return new Rule(id, "", messagePattern, null, Long.MIN_VALUE, Long.MAX_VALUE, "node_failure", Layer.INFRA,
                true);
    }

    private RuleMatcher matcher() {
        return new RuleMatcher(base.intervals(), RecordTexts.of(base.run()));
    }

    @Test
    void aCatastrophicPatternFinishesSelectsNothingAndIsDisabledWithOneWarningNamingIt() {
        RuleMatcher matcher = matcher();
        // Only a hang guard (a preemptive bound far above any machine's time): nothing here is timed.
        int[] hits = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> matcher.matches(rule("r", CATASTROPHIC)));
        assertEquals(0, hits.length);
        assertEquals(List.of("rule pattern " + CATASTROPHIC + " took too long on a message of 50 characters: "
                + "disabled; simplify the pattern"), matcher.warnings());
        // Asked again (another rule with the same pattern, or a re-attribution): still disabled, not warned twice.
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> matcher.matches(rule("r2", CATASTROPHIC)));
        assertEquals(1, matcher.warnings().size());
    }

    @Test
    void ordinaryRulesStillMatchBesideADisabledOne() {
        RuleMatcher matcher = matcher();
        int[] before = matcher().matches(rule("a", "a+b"));
        assertTrue(before.length > 0, "the fault's message matches an ordinary pattern");
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> matcher.matches(rule("r", CATASTROPHIC)));
        assertArrayEquals(before, matcher.matches(rule("a", "a+b")));
        assertTrue(matcher.matches(rule("none", "^b")).length == 0);
    }

    @Test
    void anAttributionWithACatastrophicRuleIsDerivedAndSaysWhichRuleWasDisabled() {
        Overlay o = new Overlay(List.of(), List.of(rule("r", CATASTROPHIC), rule("a", "a+b")), List.of());
        IncrementalAttribution a = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> IncrementalAttribution.of(base, o));
        assertEquals(1, a.ruleWarnings().size());
        assertTrue(a.ruleWarnings().get(0).contains(CATASTROPHIC));
        assertTrue(a.intervals().stream().anyMatch(p -> p.assignedBy() instanceof Assignment.ByRule),
                "the ordinary rule still attributes the fault");
    }

    @Test
    void aPreviewOfACatastrophicPatternMatchesNothingAndSaysWhy() {
        RulePreview preview = RulePreview.of(base);
        RulePreview.Matches m = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> preview.matches(CATASTROPHIC, null, Long.MIN_VALUE, Long.MAX_VALUE));
        assertEquals(RulePreview.Matches.NONE, m);
        assertEquals(1, preview.warnings().size());
        assertTrue(preview.matches("a+b", null, Long.MIN_VALUE, Long.MAX_VALUE).intervals() > 0);
    }
}
