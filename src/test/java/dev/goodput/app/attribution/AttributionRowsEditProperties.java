package dev.goodput.app.attribution;

import dev.goodput.core.attribution.Edit;
import dev.goodput.core.attribution.FaultRole;
import dev.goodput.core.attribution.Overlay;
import dev.goodput.core.attribution.RandomEdits;
import dev.goodput.core.attribution.Rule;
import dev.goodput.core.attribution.Tag;
import dev.goodput.core.derive.Derivation;
import dev.goodput.core.model.Layer;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The attribution table's rows following random edits, undos and redos through the session (tags over ranges and
 * rows, notes changed, splits, merges, rules added, renamed, toggled and removed, fault roles set and cleared),
 * with and without a filter: after each, the rows, the counts, the causes to filter by and the rows shown equal
 * those of a table built whole for the same overlay, and the rules list's tallies those counted whole.
 */
class AttributionRowsEditProperties {
    private static final Derivation BLOOM = derive();

    @Property(tries = 40)
    void rowsFollowingEditsEqualRowsBuiltWhole(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        AttributionSession session = new AttributionSession();
        session.load(BLOOM, Overlay.EMPTY);
        AttributionRows rows = new AttributionRows(session);
        RulesViewModel rules = new RulesViewModel(session);
        if (r.nextBoolean()) {
            rows.unattributedOnlyProperty().set(true);
        } else if (r.nextBoolean()) {
            rows.searchProperty().set("gpu");
        }
        // Sorted by cause as a table column sorts (ties many): equal rows stay in time order, as a fresh sort keeps them.
        Comparator<AttributionRow> byCause = r.nextInt(4) == 0 ? Comparator.comparing(x -> x.cause().label()) : null;
        rows.rows().setComparator(byCause);
        RandomEdits edits = new RandomEdits(r, BLOOM, session.attribution());
        for (int step = 1 + r.nextInt(12); step > 0; step--) {
            int what = r.nextInt(12);
            try {
                if (what < 7 || !session.canUndoProperty().get()) {
                    session.apply(edit(r, session, edits, rows));
                } else if (what < 10) {
                    session.undo();
                } else {
                    session.redo();
                }
            } catch (IllegalArgumentException refused) {
                continue; // e.g. a merge of pieces that are not adjacent: nothing changed
            }
            AttributionSession fresh = new AttributionSession();
            fresh.load(BLOOM, session.overlayProperty().get());
            AttributionRows whole = new AttributionRows(fresh);
            whole.unattributedOnlyProperty().set(rows.unattributedOnlyProperty().get());
            whole.searchProperty().set(rows.searchProperty().get());
            whole.rows().setComparator(byCause);
            assertEquals(whole.allRows(), rows.allRows());
            assertEquals(new RulesViewModel(fresh).rows(), rules.rows(), "each rule's intervals and time");
            assertEquals(whole.rows(), rows.rows());
            assertEquals(whole.countsProperty().get(), rows.countsProperty().get());
            assertEquals(whole.causesInRows(), rows.causesInRows());
            assertEquals(whole.emptyTextProperty().get(), rows.emptyTextProperty().get());
            for (int probe = 0; probe < 5 && !rows.rows().isEmpty(); probe++) {
                AttributionRow row = rows.rows().get(r.nextInt(rows.rows().size()));
                List<Integer> linear = new java.util.ArrayList<>();
                for (int i = 0; i < rows.rows().size(); i++) {
                    AttributionRow x = rows.rows().get(i);
                    if (x.isFault() == row.isFault() && x.startUs() == row.startUs()) {
                        linear.add(i);
                    }
                }
                assertEquals(linear, rows.indicesOf(row.isFault(), row.startUs()), "a row found again by its start");
            }
            assertEquals(whole.causeChoicesProperty().get().all(), rows.causeChoicesProperty().get().all());
            assertEquals(whole.causeChoicesProperty().get().matching(""), rows.causeChoicesProperty().get().matching(""));
        }
    }

    /** Mostly the core's random edits; now and then one only the table shows: a note, a rule's name, a role. */
    @Test
    void aSmallEditInAnUnsortedTableIsFollowedInPlace() {
        AttributionSession session = new AttributionSession();
        session.load(BLOOM, Overlay.EMPTY);
        AttributionRows rows = new AttributionRows(session);
        AttributionRow lost = rows.allRows().stream().filter(x -> !x.isFault()).skip(10).findFirst().orElseThrow();
        session.apply(new Edit.AddTag(new Tag("t1", lost.startUs(), lost.endUs(), "faulty_gpu", Layer.INFRA, null,
                "")));
        assertEquals(1, rows.editsFollowed(), "followed in place, not rebuilt");
        session.undo();
        assertEquals(2, rows.editsFollowed(), "its undo too");
        rows.rows().setComparator(Comparator.comparing(x -> x.cause().label()));
        session.redo();
        assertEquals(2, rows.editsFollowed(), "a table sorted by a column is rebuilt");
    }

    private static Edit edit(SplittableRandom r, AttributionSession session, RandomEdits edits,
                             AttributionRows rows) {
        Overlay o = session.overlayProperty().get();
        int kind = r.nextInt(8);
        if (kind == 0 && !o.tags().isEmpty()) {
            Tag t = o.tags().get(r.nextInt(o.tags().size()));
            return new Edit.ReplaceTag(new Tag(t.id(), t.startUs(), t.endUs(), t.cause(), t.layer(), t.onlyCause(),
                    "note " + r.nextInt(100)));
        }
        if (kind == 1 && !o.rules().isEmpty()) {
            Rule u = o.rules().get(r.nextInt(o.rules().size()));
            return new Edit.ReplaceRule(new Rule(u.id(), "renamed " + r.nextInt(100), u.messagePattern(),
                    u.sourcePattern(), u.fromUs(), u.toUs(), u.cause(), u.layer(), u.enabled()));
        }
        List<AttributionRow> faults = rows.allRows().stream()
                .filter(AttributionRow::isFault).toList();
        if (kind == 2 && faults.size() > 1) {
            AttributionRow f = faults.get(r.nextInt(faults.size()));
            AttributionRow root = faults.get(r.nextInt(faults.size()));
            FaultRole.Kind k = FaultRole.Kind.values()[r.nextInt(3)];
            if (k == FaultRole.Kind.CASCADE && root.faultRef().equals(f.faultRef())) {
                k = FaultRole.Kind.TEARDOWN;
            }
            return new Edit.SetFaultRole(new FaultRole(f.faultRef(), k,
                    k == FaultRole.Kind.CASCADE ? root.faultRef() : null, r.nextBoolean() ? "" : "n"));
        }
        if (kind == 3 && !o.faultRoles().isEmpty()) {
            return new Edit.ClearFaultRole(o.faultRoles().get(r.nextInt(o.faultRoles().size())).fault());
        }
        return edits.next();
    }

    private static Derivation derive() {
        try {
            return BloomSample.derive();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
