package dev.goodput.app.attribution;

import dev.goodput.core.attribution.AttributedInterval;
import dev.goodput.core.attribution.AttributedPartition;
import dev.goodput.core.attribution.Assignment;
import dev.goodput.core.attribution.Edit;
import dev.goodput.core.attribution.Overlay;
import dev.goodput.core.attribution.Rule;
import dev.goodput.core.attribution.RulePreview;
import dev.goodput.core.derive.Derivation;
import dev.goodput.core.model.CauseCatalog;
import dev.goodput.core.report.HumanFormat;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The rules of the session's overlay as rows — what each matches, what it attributes to and how much lost time it
 * tags now — rebuilt after every edit, undo and redo; and the rule commands, each one undoable step through the
 * session. Call on the FX thread.
 */
public final class RulesViewModel {
    /**
     * One rule and what it does now.
     *
     * @param taggedIntervals attributed pieces this rule decides (tags and later rules win over it)
     * @param taggedUs        their wall-clock time
     */
    public record Row(Rule rule, int taggedIntervals, long taggedUs) {
        public String id() {
            return rule.id();
        }

        public String name() {
            return rule.name();
        }

        public boolean enabled() {
            return rule.enabled();
        }

        /** "/NCCL.*timeout/ in /rank\d+\.log/ from … to …", or "any message" with no message pattern. */
        public String matches() {
            StringBuilder sb = new StringBuilder();
            sb.append(rule.messagePattern() == null ? "any message" : "/" + rule.messagePattern() + "/");
            if (rule.sourcePattern() != null) {
                sb.append(" in /").append(rule.sourcePattern()).append('/');
            }
            if (rule.fromUs() != Long.MIN_VALUE) {
                sb.append(" from ").append(HumanFormat.clock(rule.fromUs()));
            }
            if (rule.toUs() != Long.MAX_VALUE) {
                sb.append(" until ").append(HumanFormat.clock(rule.toUs()));
            }
            return sb.toString();
        }

        public String cause() {
            return CauseCatalog.labelFor(rule.cause());
        }

        public String layer() {
            return LayerNames.name(rule.layer());
        }

        /** "3 intervals · 14.2 h", or "none". */
        public String tags() {
            if (taggedIntervals == 0) {
                return "none";
            }
            return taggedIntervals + (taggedIntervals == 1 ? " interval · " : " intervals · ")
                    + HumanFormat.duration(taggedUs / 1e6);
        }
    }

    private record Tally(int intervals, long us) {
        Tally plus(AttributedInterval piece) {
            return new Tally(intervals + 1, us + piece.interval().durationUs());
        }

        Tally minus(AttributedInterval piece) {
            return new Tally(intervals - 1, us - piece.interval().durationUs());
        }
    }

    private static final Tally NONE = new Tally(0, 0);

    private final AttributionSession session;
    private final Supplier<String> newIds;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<Row> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    /** Kept per imported derivation: building one groups the run's lost intervals. */
    private RulePreview preview;
    private Derivation previewOf;

    public RulesViewModel(AttributionSession session) {
        this(session, () -> UUID.randomUUID().toString());
    }

    /** @param newIds gives each new rule an id no other rule has (random ones, so teammates' rules never clash) */
    public RulesViewModel(AttributionSession session, Supplier<String> newIds) {
        this.session = Objects.requireNonNull(session);
        this.newIds = Objects.requireNonNull(newIds);
        session.revisionProperty().addListener((obs, was, now) -> rebuild());
        rebuild();
    }

    /** The overlay's rules in their order (later ones win where two apply). */
    public ObservableList<Row> rows() {
        return readOnlyRows;
    }

    /** Whether a run is open: rules apply to one. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** @throws IllegalArgumentException when the rule's id is taken or a pattern does not compile */
    public void add(Rule rule) {
        session.apply(new Edit.AddRule(rule));
    }

    /** Replaces the rule with the same id, keeping its place. */
    public void replace(Rule rule) {
        session.apply(new Edit.ReplaceRule(rule));
    }

    public void remove(String ruleId) {
        session.apply(new Edit.RemoveRule(ruleId));
    }

    /** Switches a rule on or off; nothing happens (and no undo step is made) when it already is. */
    public void setEnabled(String ruleId, boolean on) {
        Rule r = rule(ruleId);
        if (r.enabled() != on) {
            session.apply(session.tagging().toggleRule(ruleId));
        }
    }

    /** The causes to offer: the taxonomy and those the run and the overlay use. */
    public CauseChoices causeChoices() {
        return session.causeChoices();
    }

    /** An editor for a new rule. */
    public RuleEditorModel newRule() {
        return newRule(RuleDraft.EMPTY);
    }

    /** An editor for a new rule starting from {@code start} (e.g. made from an interval). */
    public RuleEditorModel newRule(RuleDraft start) {
        return new RuleEditorModel(newIds.get(), null, start, causeChoices(), preview());
    }

    /** An editor for a new rule matching intervals like {@code row} (its record's message, else its file). */
    public RuleEditorModel newRuleFrom(AttributedInterval row) {
        String said = session.isLoaded() ? session.attribution().messageOf(row.interval().source()) : "";
        return newRule(RuleDraft.fromInterval(row, said));
    }

    /** An editor for an existing rule, keeping its id. */
    public RuleEditorModel edit(String ruleId) {
        Rule r = rule(ruleId);
        CauseChoices causes = causeChoices();
        return new RuleEditorModel(r.id(), r, RuleDraft.of(r, causes), causes, preview());
    }

    private Rule rule(String ruleId) {
        return session.overlayProperty().get().rules().stream().filter(x -> x.id().equals(ruleId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no rule " + ruleId));
    }

    private RulePreview preview() {
        Derivation base = session.base();
        if (base == null) {
            return null;
        }
        if (base != previewOf) {
            preview = session.attribution().rulePreview();
            previewOf = base;
        }
        return preview;
    }

    /** Per rule id, the pieces it assigned, as of {@link #counted}; kept by difference across edits. */
    private final Map<String, Tally> tallies = new HashMap<>();
    private AttributedPartition counted;

    /**
     * Tallies the pieces each rule assigned: after an edit only the pieces that differ (the edit's footprint), else
     * (a run loaded) in a pass over them. With no rules nothing is assigned by one, so there is nothing to count.
     */
    private void count(Overlay overlay) {
        if (!session.isLoaded()) {
            tallies.clear();
            counted = null;
            return;
        }
        AttributedPartition now = session.attribution().intervals();
        if (overlay.rules().isEmpty() && tallies.isEmpty()) {
            counted = now;
            return;
        }
        Optional<List<AttributedPartition.Difference>> diff = counted == null ? Optional.empty()
                : AttributedPartition.differences(counted, now);
        if (diff.isPresent()) {
            for (AttributedPartition.Difference d : diff.get()) {
                counted.subList(d.oldFrom(), d.oldTo()).forEach(p -> tally(p, -1));
                now.subList(d.newFrom(), d.newTo()).forEach(p -> tally(p, 1));
            }
        } else {
            tallies.clear();
            now.forEach(p -> tally(p, 1));
        }
        counted = now;
    }

    private void tally(AttributedInterval piece, int sign) {
        if (piece.assignedBy() instanceof Assignment.ByRule by) {
            Tally t = tallies.getOrDefault(by.ruleId(), NONE);
            Tally next = sign > 0 ? t.plus(piece) : t.minus(piece);
            if (next.equals(NONE)) {
                tallies.remove(by.ruleId());
            } else {
                tallies.put(by.ruleId(), next);
            }
        }
    }

    private void rebuild() {
        loaded.set(session.isLoaded());
        if (!session.isLoaded()) { // let the closed run's grouped intervals go
            preview = null;
            previewOf = null;
        }
        Overlay overlay = session.overlayProperty().get();
        count(overlay);
        List<Row> next = new ArrayList<>(overlay.rules().size());
        for (Rule r : overlay.rules()) {
            Tally t = tallies.getOrDefault(r.id(), NONE);
            next.add(new Row(r, t.intervals(), t.us()));
        }
        if (!next.equals(rows)) { // most edits are tags: leave the table and its selection alone then
            rows.setAll(next);
        }
    }
}
