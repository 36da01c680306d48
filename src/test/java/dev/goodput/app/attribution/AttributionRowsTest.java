package dev.goodput.app.attribution;

import dev.goodput.core.attribution.Edit;
import dev.goodput.core.attribution.FaultRole;
import dev.goodput.core.attribution.Overlay;
import dev.goodput.core.derive.Derivation;
import dev.goodput.core.model.Cause;
import dev.goodput.core.model.CauseCatalog;
import dev.goodput.core.model.FaultEvent;
import dev.goodput.core.model.Layer;
import dev.goodput.core.report.GoodputReport;
import dev.goodput.core.report.HumanFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The attribution table's model on the BLOOM-176B run (unattributed downtime and GPU faults), without a window. */
class AttributionRowsTest {
    private static final Cause RESTORE = CauseCatalog.CHECKPOINT_RESTORE;
    private static Derivation bloom;

    private AttributionSession session;
    private AttributionRows rows;

    @BeforeAll
    static void load() throws Exception {
        bloom = BloomSample.derive();
    }

    @BeforeEach
    void open() {
        session = new AttributionSession();
        rows = new AttributionRows(session);
        session.load(bloom, Overlay.EMPTY);
    }

    private List<AttributionRow> unattributed() {
        return rows.allRows().stream().filter(AttributionRow::unattributed).toList();
    }

    private List<AttributionRow> faults() {
        return rows.allRows().stream().filter(AttributionRow::isFault).toList();
    }

    private AttributionRow rowWithMessage(String text) {
        return rows.allRows().stream().filter(r -> r.message().contains(text)).findFirst().orElseThrow();
    }

    @Test
    void rowsAreTheLostPiecesAndTheWindowsFaultsInTimeOrder() {
        long lost = session.rows().stream().filter(p -> p.lost()).count();
        List<FaultEvent> inWindow = bloom.run().faults().stream()
                .filter(f -> bloom.window().contains(f.timeUs())).toList();
        assertEquals(1203, lost);
        assertEquals(15, inWindow.size());
        assertEquals(lost + inWindow.size(), rows.allRows().size());
        assertEquals(rows.allRows(), rows.rows(), "no filter, no sort: every row in time order");
        for (int i = 1; i < rows.allRows().size(); i++) {
            assertTrue(rows.allRows().get(i - 1).startUs() <= rows.allRows().get(i).startUs(), "time order at " + i);
        }

        AttributionRow eval = rowWithMessage("eval at 1000 (29 datasets)");
        assertEquals("evaluation", eval.cause().id());
        assertEquals(Layer.FRAMEWORK, eval.layer());
        assertEquals("sample-runs/bloom-176b/run.jsonl:13", eval.source());
        assertEquals(AttributionRow.IMPORTER, eval.assignedBy());
        assertEquals("2022-03-12 01:12:12 UTC", eval.timeText());

        AttributionRow gpu = faults().get(0);
        assertEquals("faulty_gpu", gpu.cause().id());
        assertEquals(Layer.INFRA, gpu.layer());
        assertTrue(gpu.message().startsWith("terminate called after throwing an instance of 'c10::CUDAError'"));
        assertEquals("sample-runs/bloom-176b/run.jsonl:276", gpu.source());
        assertEquals(0, gpu.durationUs());
        assertEquals("", gpu.roleText());

        long unattributedUs = unattributed().stream().mapToLong(AttributionRow::durationUs).sum();
        assertEquals(9, unattributed().size());
        assertEquals("1203 of 1203 intervals · 15 of 15 faults · " + HumanFormat.duration(unattributedUs / 1e6)
                + " unattributed", rows.countsProperty().get());
        assertEquals("1203 of 1203 intervals · 15 of 15 faults · 3.67 d unattributed", rows.countsProperty().get());
    }

    @Test
    void filtersBySeveralCriteriaAndSearchIgnoresCase() {
        rows.unattributedOnlyProperty().set(true);
        assertEquals(unattributed(), rows.rows());
        assertTrue(rows.countsProperty().get().startsWith("9 of 1203 intervals · 0 of 15 faults"),
                rows.countsProperty().get());
        rows.clearFilters();

        rows.layerFilterProperty().set(Layer.FRAMEWORK);
        assertFalse(rows.rows().isEmpty());
        assertTrue(rows.rows().stream().allMatch(r -> r.layer() == Layer.FRAMEWORK));
        rows.layerFilterProperty().set(null);

        rows.causeFilterProperty().set("evaluation");
        assertFalse(rows.rows().isEmpty());
        assertTrue(rows.rows().stream().allMatch(r -> r.cause().id().equals("evaluation")));
        rows.causeFilterProperty().set(null);

        rows.minDurationUsProperty().set(3_600_000_000L);
        assertTrue(rows.rows().stream().allMatch(r -> r.isFault() || r.durationUs() >= 3_600_000_000L));
        assertEquals(15, rows.rows().stream().filter(AttributionRow::isFault).count(), "faults are instants: kept");
        assertTrue(rows.rows().size() < rows.allRows().size());
        rows.minDurationUsProperty().set(0);

        rows.searchProperty().set("EVAL AT 1000 (");
        assertEquals(List.of(rowWithMessage("eval at 1000 ")), rows.rows());
        rows.searchProperty().set("cudaerror");
        assertTrue(rows.rows().contains(faults().get(0)), "search finds the fault's message");
        assertEquals(4, rows.rows().size(), "and the lost time the fault decided, which shows its message");
        assertTrue(rows.rows().stream().allMatch(r -> r.message().contains("CUDAError")
                && r.source().equals("sample-runs/bloom-176b/run.jsonl:276")));
        rows.searchProperty().set("run.jsonl:571");
        assertEquals(1, rows.rows().size(), "search finds the source");
        assertTrue(rows.rows().get(0).unattributed());
        rows.searchProperty().set("unattributed downtime");
        assertEquals(unattributed(), rows.rows(), "search finds the cause label");

        rows.searchProperty().set("no such thing");
        assertTrue(rows.rows().isEmpty());
        assertEquals(AttributionRows.NO_MATCH, rows.emptyTextProperty().get());
        assertTrue(rows.filtering());
        rows.clearFilters();
        assertFalse(rows.filtering());
        assertEquals(rows.allRows(), rows.rows());

        assertTrue(rows.causesInRows().stream().anyMatch(c -> c.id().equals("faulty_gpu")));
        assertTrue(rows.causesInRows().stream().anyMatch(c -> c.id().equals("unattributed_downtime")));
    }

    @Test
    void taggingSeveralRowsIsOneUndoStepAndMovesLostTimeFromInfraToFramework() {
        GoodputReport before = session.derivationProperty().get().report();
        List<AttributionRow> chosen = unattributed();
        // Window-equivalent seconds of the three pieces: accelerator-time over the run's accelerators.
        double movedSeconds = chosen.stream()
                .mapToDouble(r -> r.durationUs() / 1e6 * r.piece().interval().acceleratorsInUse()
                        / before.accelerators()).sum();
        long revision = session.revisionProperty().get();

        assertEquals(Optional.empty(), rows.tag(chosen, RESTORE, "restarts after the crash"));

        assertEquals(revision + 1, session.revisionProperty().get(), "one change");
        assertEquals("Undo Tag 9 intervals as Checkpoint restore", session.undoTextProperty().get());
        GoodputReport after = session.derivationProperty().get().report();
        double available = before.availableSeconds() + movedSeconds;
        assertEquals(available, after.availableSeconds(), 1e-6);
        assertEquals(available / before.windowSeconds(), after.goodput().infra(), 1e-12);
        assertEquals(before.productiveSeconds() / available, after.goodput().framework(), 1e-12);
        assertTrue(after.goodput().infra() > before.goodput().infra());
        assertTrue(after.goodput().framework() < before.goodput().framework());
        assertEquals(before.goodput().overall(), after.goodput().overall(), 1e-12, "the product is unchanged");

        assertTrue(unattributed().isEmpty());
        List<AttributionRow> tagged = rows.allRows().stream().filter(r -> r.cause().id().equals(RESTORE.id())
                && r.assignedBy().equals(AttributionRow.YOU)).toList();
        assertEquals(9, tagged.size());
        assertTrue(tagged.stream().allMatch(r -> r.note().equals("restarts after the crash")
                && r.layer() == Layer.FRAMEWORK));
        assertTrue(rows.countsProperty().get().endsWith("· no unattributed"), rows.countsProperty().get());

        session.undo();
        assertEquals(before.goodput(), session.derivationProperty().get().report().goodput(), "undo restores exactly");
        assertEquals(chosen, unattributed());
    }

    @Test
    void tagRequestForOnlyUnattributedLeavesOtherRowsAndFaultsAlone() {
        AttributionRow eval = rowWithMessage("eval at 1000 ");
        List<AttributionRow> mixed = List.of(eval, unattributed().get(0), faults().get(0));
        assertEquals(Optional.empty(), rows.tag(mixed, new TagRequest(Cause.of("bad_psu", Layer.INFRA), "", true)));
        assertEquals("evaluation", rowWithMessage("eval at 1000 ").cause().id());
        assertEquals(8, unattributed().size());
        assertEquals("bad_psu", rows.allRows().stream().filter(r -> r.startUs() == mixed.get(1).startUs()
                && !r.isFault()).findFirst().orElseThrow().cause().id());
        assertEquals(Optional.of("Select lost intervals to tag."), rows.tag(List.of(faults().get(0)), RESTORE, ""));
    }

    @Test
    void notesAndCellEditsReTagTheSameRowInPlace() {
        AttributionRow eval = rowWithMessage("eval at 1000 ");
        assertEquals(Optional.empty(), rows.setNote(eval, "  29 datasets is too many "));
        AttributionRow noted = rowWithMessage("eval at 1000 ");
        assertEquals("29 datasets is too many", noted.note());
        assertEquals("evaluation", noted.cause().id(), "a note keeps the cause");
        assertEquals(AttributionRow.YOU, noted.assignedBy());

        assertEquals(Optional.empty(), rows.setNote(noted, "fewer datasets next time"));
        assertEquals(1, session.overlayProperty().get().tags().size(), "the row's own tag is replaced");
        assertEquals(Optional.empty(), rows.setCause(rowWithMessage("eval at 1000 "), Cause.of("data_loading",
                Layer.FRAMEWORK)));
        AttributionRow recaused = rowWithMessage("eval at 1000 ");
        assertEquals("data_loading", recaused.cause().id());
        assertEquals("fewer datasets next time", recaused.note(), "a new cause keeps the note");
        assertEquals(Optional.empty(), rows.setLayer(recaused, Layer.INFRA));
        assertEquals(Layer.INFRA, rowWithMessage("eval at 1000 ").layer());
        assertEquals(1, session.overlayProperty().get().tags().size());

        long revision = session.revisionProperty().get();
        assertEquals(Optional.empty(), rows.setNote(rowWithMessage("eval at 1000 "), "fewer datasets next time"));
        assertEquals(revision, session.revisionProperty().get(), "an unchanged note makes no undo step");

        session.undo(); // the layer
        session.undo(); // the cause
        session.undo(); // the second note
        assertEquals("29 datasets is too many", rowWithMessage("eval at 1000 ").note());
    }

    @Test
    void splitThenMergeGivesTheIntervalBack() {
        AttributionRow row = unattributed().get(0);
        long mid = row.startUs() + row.durationUs() / 2;
        assertEquals(Optional.empty(), rows.split(row, mid));
        List<AttributionRow> halves = unattributed().subList(0, 2);
        assertEquals(row.startUs(), halves.get(0).startUs());
        assertEquals(mid, halves.get(0).endUs());
        assertEquals(mid, halves.get(1).startUs());
        assertEquals(row.endUs(), halves.get(1).endUs());
        assertEquals("Undo Split interval", session.undoTextProperty().get());

        assertEquals(Optional.empty(), rows.setNote(halves.get(1), "second half"));
        // Merge in either order: the earlier row's cause and note win.
        assertEquals(Optional.empty(), rows.merge(List.of(unattributed().get(1), unattributed().get(0))));
        AttributionRow merged = unattributed().get(0);
        assertEquals(row.startUs(), merged.startUs());
        assertEquals(row.endUs(), merged.endUs());
        assertEquals(AttributionRow.YOU, merged.assignedBy());
        assertEquals(9, unattributed().size());
    }

    @Test
    void splitAtATypedTimeOnTheRowsDay() {
        AttributionRow row = unattributed().get(0); // 2022-04-05 06:25:35 for 29.5 h
        assertEquals(Optional.empty(), rows.split(row, "12:00:00"));
        assertEquals(ClockText.parse("2022-04-05 12:00:00", 0).orElseThrow(), unattributed().get(0).endUs());
        AttributionRow second = unattributed().get(1);
        assertEquals(Optional.empty(), rows.split(second, "2022-04-06 01:00"));
        assertEquals(ClockText.parse("2022-04-06 01:00:00", 0).orElseThrow(), unattributed().get(1).endUs());
        assertEquals(9 + 2, unattributed().size());
    }

    @Test
    void refusedEditsComeBackAsMessages() {
        AttributionRow row = unattributed().get(0);
        long revision = session.revisionProperty().get();
        assertEquals(Optional.of("a split must fall inside the interval"), rows.split(row, row.endUs()));
        assertTrue(rows.split(row, "half past").orElseThrow().startsWith("Type a time as HH:mm:ss"));
        assertEquals(Optional.of("only adjacent intervals can be merged"),
                rows.merge(List.of(unattributed().get(0), unattributed().get(1))));
        assertTrue(rows.merge(List.of(row)).isPresent());
        assertTrue(rows.merge(List.of(row, faults().get(0))).isPresent());
        assertTrue(rows.split(faults().get(0), 0).isPresent());
        assertTrue(rows.setCause(faults().get(0), RESTORE).isPresent());
        assertEquals(revision, session.revisionProperty().get(), "nothing applied");

        session.clear();
        assertTrue(rows.allRows().isEmpty());
        assertEquals(AttributionRows.NO_RUN, rows.emptyTextProperty().get());
        assertEquals(Optional.of("no run to edit"), rows.tag(List.of(row), RESTORE, ""));
    }

    @Test
    void faultRolesRootCascadeTeardownAndNotes() {
        AttributionRow first = faults().get(0);
        AttributionRow second = faults().get(1);
        assertEquals(Optional.of("Set the fault's role first; its note goes with the role."),
                rows.setNote(first, "x"));
        assertEquals(Optional.empty(), rows.setFaultRole(first, FaultRole.Kind.ROOT_CAUSE, null, "bad GPU"));
        assertEquals(Optional.empty(), rows.setFaultRole(second, FaultRole.Kind.CASCADE, faults().get(0), ""));
        assertEquals("root cause", faults().get(0).roleText());
        assertEquals("bad GPU", faults().get(0).note());
        assertEquals("cascade of Faulty GPU at 2022-03-21 12:34:34 UTC (sample-runs/bloom-176b/run.jsonl:276)",
                faults().get(1).roleText());
        assertEquals(Optional.empty(), rows.setNote(faults().get(1), "same node"));
        assertEquals(FaultRole.Kind.CASCADE, faults().get(1).role().kind(), "a note keeps the role");
        assertEquals("same node", faults().get(1).note());

        assertEquals(Optional.of("A cascade needs the root fault it follows from."),
                rows.setFaultRole(second, FaultRole.Kind.CASCADE, null, ""));
        assertEquals(Optional.of("A fault cannot be a cascade of itself."),
                rows.setFaultRole(faults().get(1), FaultRole.Kind.CASCADE, faults().get(1), ""));
        assertEquals(Optional.empty(), rows.setFaultRole(faults().get(1), FaultRole.Kind.TEARDOWN, null, ""));
        assertEquals("teardown", faults().get(1).roleText());
        assertEquals(Optional.empty(), rows.clearFaultRole(faults().get(1)));
        assertEquals("", faults().get(1).roleText());
        assertEquals("Undo Clear fault role", session.undoTextProperty().get());
        session.undo();
        assertEquals("teardown", faults().get(1).roleText());
        assertEquals(2, session.overlayProperty().get().faultRoles().size());
    }

    @Test
    void rulesShowByName() {
        session.apply(new Edit.AddRule(new dev.goodput.core.attribution.Rule("r1", "CUDA crashes", "CUDAError",
                null, Long.MIN_VALUE, Long.MAX_VALUE, "faulty_gpu", Layer.INFRA, true)));
        assertTrue(rows.allRows().stream().anyMatch(r -> r.assignedBy().equals("rule CUDA crashes")
                && r.cause().id().equals("faulty_gpu")), "the fault's lost time, re-attributed by the rule");
    }

    @Test
    void indexOfTimeAndRevealFindTheRowAndClearOnlyFiltersThatHideIt() {
        AttributionRow row = unattributed().get(1);
        long inside = row.startUs() + 1_000_000;
        assertEquals(rows.allRows().indexOf(row), rows.indexOfTime(inside));
        AttributionRow eval = rowWithMessage("eval at 1000 ");
        assertEquals(rows.allRows().indexOf(eval), rows.indexOfTime(eval.startUs() - 60_000_000L),
                "in productive time: the next row");

        rows.layerFilterProperty().set(Layer.FRAMEWORK);
        assertEquals(rows.rows().indexOf(eval), rows.reveal(eval.startUs() - 60_000_000L));
        assertEquals(Layer.FRAMEWORK, rows.layerFilterProperty().get(), "the next row shows: filters kept");
        int i = rows.reveal(inside);
        assertEquals(null, rows.layerFilterProperty().get(), "the interval at the time was hidden: filters cleared");
        assertEquals(row, rows.rows().get(i));
        assertEquals(-1, rows.indexOfTime(bloom.window().endUs() + 1));
        assertNotEquals(-1, rows.indexOfTime(bloom.window().startUs()));
    }
}
