package dev.goodput.core.attribution;

import dev.goodput.core.derive.Derivation;
import dev.goodput.core.derive.DerivationSettings;
import dev.goodput.core.derive.Window;
import dev.goodput.core.model.Layer;
import dev.goodput.core.report.GoodputReport;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.goodput.core.attribution.TinyRun.us;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EditHistoryTest {
    private final Derivation base = TinyRun.hundredSecondsWithFault("Xid 79").derive();
    private final IncrementalAttribution attribution = IncrementalAttribution.of(base, Overlay.EMPTY);
    private final EditHistory history = new EditHistory(attribution);

    @Test
    void undoAndRedoRestoreTheReportsExactly() {
        GoodputReport before = attribution.report();
        history.apply(tag("t1", 40, 50, "checkpoint_restore", Layer.FRAMEWORK));
        GoodputReport after = attribution.report();
        assertTrue(after.goodput().infra() > before.goodput().infra());
        history.undo();
        assertEquals(before, attribution.report());
        assertEquals(Overlay.EMPTY, attribution.overlay());
        history.redo();
        assertEquals(after, attribution.report());
    }

    @Test
    void aNewEditClearsRedo() {
        history.apply(tag("t1", 40, 50, "nic", Layer.INFRA));
        history.undo();
        assertTrue(history.canRedo());
        history.apply(tag("t2", 40, 45, "nic", Layer.INFRA));
        assertFalse(history.canRedo());
        assertThrows(IllegalStateException.class, history::redo);
    }

    @Test
    void undoIsUnlimited() {
        List<GoodputReport> reports = new ArrayList<>();
        reports.add(attribution.report());
        for (int i = 0; i < 500; i++) {
            String cause = i % 2 == 0 ? "checkpoint_restore" : "nic";
            Layer layer = i % 2 == 0 ? Layer.FRAMEWORK : Layer.INFRA;
            history.apply(tag("t" + i, 40 + i % 9, 41 + i % 9, cause, layer));
            reports.add(attribution.report());
        }
        for (int i = 500; i > 0; i--) {
            assertEquals(reports.get(i), attribution.report());
            history.undo();
        }
        assertEquals(reports.get(0), attribution.report());
        assertEquals(base.report(), attribution.report());
        assertFalse(history.canUndo());
    }

    @Test
    void aBatchIsOneStep() {
        history.apply(new Edit.Batch("Tag 2 intervals as NIC", List.of(tag("t1", 40, 42, "nic", Layer.INFRA),
                tag("t2", 46, 48, "nic", Layer.INFRA))));
        assertEquals(Optional.of("Tag 2 intervals as NIC"), history.undoLabel());
        assertEquals(2, attribution.overlay().tags().size());
        history.undo();
        assertEquals(Overlay.EMPTY, attribution.overlay());
        assertEquals(base.report(), attribution.report());
    }

    @Test
    void anEditThatDoesNotApplyChangesNothing() {
        history.apply(tag("t1", 40, 50, "nic", Layer.INFRA));
        GoodputReport r = attribution.report();
        assertThrows(IllegalArgumentException.class, () -> history.apply(tag("t1", 41, 42, "x", Layer.INFRA)));
        assertThrows(IllegalArgumentException.class, () -> history.apply(new Edit.RemoveTag("nope")));
        // A batch failing half way leaves nothing of its first half behind.
        assertThrows(IllegalArgumentException.class, () -> history.apply(new Edit.Batch("both",
                List.of(tag("t2", 41, 42, "x", Layer.INFRA), new Edit.RemoveTag("nope")))));
        assertEquals(r, attribution.report());
        assertEquals(1, attribution.overlay().tags().size());
        assertEquals(Optional.of("Tag as NIC"), history.undoLabel());
    }

    @Test
    void faultRolesAreUndoableAndReattributeNoTime() {
        FaultRole.FaultRef fault = new FaultRole.FaultRef(TinyRun.FILE + ":13", us(40));
        history.apply(new Edit.SetFaultRole(new FaultRole(fault, FaultRole.Kind.ROOT_CAUSE, null, "bad GPU")));
        history.apply(new Edit.SetFaultRole(new FaultRole(fault, FaultRole.Kind.TEARDOWN, null, "")));
        assertEquals(List.of(FaultRole.Kind.TEARDOWN),
                attribution.overlay().faultRoles().stream().map(FaultRole::kind).toList());
        assertEquals(base.report(), attribution.report());
        history.apply(new Edit.ClearFaultRole(fault));
        assertTrue(attribution.overlay().faultRoles().isEmpty());
        history.undo();
        history.undo();
        assertEquals(List.of(FaultRole.Kind.ROOT_CAUSE),
                attribution.overlay().faultRoles().stream().map(FaultRole::kind).toList());
    }

    @Test
    void replacingATagKeepsItsPrecedence() {
        history.apply(tag("t1", 40, 50, "nic", Layer.INFRA));
        history.apply(tag("t2", 40, 45, "queue", Layer.INFRA));
        history.apply(new Edit.ReplaceTag(new Tag("t1", us(40), us(50), "scheduler", Layer.INFRA, null, "")));
        // t2 was added after t1 and still wins over it on 40..45.
        assertEquals(5.0, ReportFigures.seconds(attribution.report(), "queue"), 1e-12);
        assertEquals(5.0, ReportFigures.seconds(attribution.report(), "scheduler"), 1e-12);
    }

    @Test
    void theHistoryCarriesOverToANewWindow() {
        history.apply(tag("t1", 40, 50, "checkpoint_restore", Layer.FRAMEWORK));
        history.apply(tag("t2", 98, 100, "queue", Layer.INFRA));
        // The analyst narrows the window to 30..60 s: re-derived, same overlay, same history.
        Derivation narrow = TinyRun.hundredSecondsWithFault("Xid 79")
                .derive(DerivationSettings.defaults().withWindow(new Window(us(30), us(60))));
        IncrementalAttribution there = IncrementalAttribution.of(narrow, attribution.overlay());
        history.rebase(there);
        // 30..60 s: 20 s productive, 10 s restore (framework): infra 1.0, framework 20/30.
        assertEquals(1.0, there.report().goodput().infra(), 1e-12);
        assertEquals(20.0 / 30.0, there.report().goodput().framework(), 1e-12);
        history.undo();
        history.undo();
        assertEquals(narrow.report(), there.report());
        Overlay other = new Overlay(List.of(new Tag("x", us(1), us(2), "nic", Layer.INFRA, null, "")), List.of(),
                List.of());
        assertThrows(IllegalArgumentException.class, () -> history.rebase(IncrementalAttribution.of(base, other)));
    }

    private static Edit tag(String id, double from, double to, String cause, Layer layer) {
        return new Edit.AddTag(new Tag(id, us(from), us(to), cause, layer, null, ""));
    }
}
