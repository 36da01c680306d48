package dev.goodput.app;

import dev.goodput.app.workspace.WorkspacePrompts;
import dev.goodput.core.attribution.AttributedInterval;
import dev.goodput.core.attribution.Overlay;
import dev.goodput.core.attribution.Rule;
import dev.goodput.core.attribution.Tag;
import dev.goodput.core.model.Layer;
import dev.goodput.core.report.GoodputReport;
import dev.goodput.core.workspace.AttributionFile;
import dev.goodput.core.workspace.Fingerprint;
import dev.goodput.core.workspace.MergeResult;
import dev.goodput.core.workspace.RecoveryFile;
import dev.goodput.core.workspace.Workspace;
import dev.goodput.core.workspace.WorkspaceStore;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Workspaces in the window: save and reopen, autosave and recovery after a crash, inputs changed since the save. */
@ExtendWith(ApplicationExtension.class)
class WorkspaceUiTest {
    @RegisterExtension
    final UiFixture fixture = new UiFixture();

    @TempDir
    Path dir;

    @Test
    void ctrlSSavesTheEditsInAWorkspaceThatReopensToTheSameGoodputsAndTheInputIsUntouched(FxRobot robot)
            throws Exception {
        Path run = bloomCopy();
        Fingerprint original = Fingerprint.of(run);
        MainWindow w = openTagged(robot, run);
        GoodputReport edited = w.summary().getDerivation().report();
        assertTrue(w.document().isDirty());
        assertTrue(w.stage().getTitle().endsWith(" *"), w.stage().getTitle());

        Path saved = dir.resolve("post-mortem.goodput");
        fixture.prompts.saveTo = saved;
        robot.clickOn("#run-name").push(KeyCode.CONTROL, KeyCode.S);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !w.document().isDirty());
        assertTrue(Files.isRegularFile(saved));
        assertFalse(w.stage().getTitle().endsWith(" *"), w.stage().getTitle());
        assertTrue(w.stage().getTitle().contains("post-mortem.goodput"), w.stage().getTitle());
        assertEquals(List.of(saved.toAbsolutePath().normalize()), w.recentFiles().last().orElseThrow());
        Workspace onDisk = WorkspaceStore.load(saved).value();
        assertEquals("run.jsonl", onDisk.inputs().get(0).path(), "an input beside the workspace is named relatively");
        assertEquals(w.session().overlayProperty().get(), onDisk.overlay());

        UiFixture.openAndWait(robot, w, UiFixture.CLEAN);
        UiFixture.openAndWait(robot, w, saved);
        assertEquals(edited, w.summary().getDerivation().report(), "the reopened workspace derives the same report");
        assertEquals(saved.toAbsolutePath().normalize(), w.document().getFile());
        assertFalse(w.document().isDirty());
        assertEquals(original, Fingerprint.of(run), "the input file is byte-identical after the session");
    }

    @Test
    void unsavedEditsAutosaveAndAreOfferedBackAtTheNextStart(FxRobot robot) throws Exception {
        Path run = bloomCopy();
        MainWindow w = openTagged(robot, run);
        Overlay edits = w.session().overlayProperty().get();
        GoodputReport edited = w.summary().getDerivation().report();
        UiFixture.flushAutosave(w);
        RecoveryFile recovery = w.document().recoveryFile();
        assertTrue(recovery.path().startsWith(fixture.appFolder), "an untitled workspace autosaves in the app folder");
        assertEquals(edits, recovery.read().value().overlay());

        // As if the app had been killed: the next start finds the autosave and offers it back.
        fixture.prompts.restore = WorkspacePrompts.Restore.RESTORE;
        nextStart(robot, next -> {
            UiFixture.waitUntilIdle(next);
            assertTrue(fixture.prompts.asked.stream().anyMatch(q -> q.startsWith("restore: ")), fixture.prompts.asked.toString());
            assertEquals(edits, next.session().overlayProperty().get());
            assertEquals(edited, next.summary().getDerivation().report());
            assertTrue(next.document().isDirty(), "restored edits are still unsaved");
        });
    }

    @Test
    void aWorkspaceWhoseInputChangedSaysSoInABannerAndStillAppliesItsAttributions(FxRobot robot) throws Exception {
        Path run = bloomCopy();
        MainWindow w = openTagged(robot, run);
        Overlay edits = w.session().overlayProperty().get();
        Path saved = dir.resolve("bloom.goodput");
        fixture.prompts.saveTo = saved;
        robot.interact(() -> assertTrue(w.workspaceActions().saveNow()));
        Node banner = robot.lookup("#notice-bar").query();
        assertFalse(UiFixture.showing(banner));

        Files.writeString(run, "\n", StandardOpenOption.APPEND); // the log grew (here, by an empty line)
        UiFixture.openAndWait(robot, w, UiFixture.CLEAN);
        UiFixture.openAndWait(robot, w, saved);
        assertTrue(UiFixture.showing(banner), "a banner says the input changed");
        String text = robot.lookup("#notice-text").queryAs(Label.class).getText();
        assertTrue(text.contains("changed since the workspace was saved"), text);
        assertEquals(edits, w.session().overlayProperty().get());
        assertNotEquals(0, w.session().rows().stream().filter(r -> r.assignedBy()
                instanceof dev.goodput.core.attribution.Assignment.ByUser).count(), "the tag still applies");

        robot.clickOn("#notice-dismiss");
        assertFalse(UiFixture.showing(banner));
    }

    @Test
    void aTeammatesAttributionsMergeInWithTheConflictDecidedByTheUserAsOneUndoableStep(FxRobot robot)
            throws Exception {
        Path run = bloomCopy();
        MainWindow w = openTagged(robot, run);
        Overlay mine = w.session().overlayProperty().get();
        Tag myTag = mine.tags().get(0);
        // The teammate says the same gap was an NCCL timeout, and adds a rule for GPU failures.
        Overlay theirs = Overlay.EMPTY.withTags(ts -> {
            ts.add(new Tag("their-tag", myTag.startUs(), myTag.endUs(), "nccl_watchdog_timeouts", Layer.INFRA, null,
                    "ranks hung"));
            return ts;
        }).withRules(rs -> {
            rs.add(new Rule("their-rule", "Xid", "Xid|GPU", null, Long.MIN_VALUE, Long.MAX_VALUE, "faulty_gpu",
                    Layer.INFRA, true));
            return rs;
        });
        Path shared = dir.resolve("teammate.goodput-attributions");
        AttributionFile.export(theirs, shared);

        fixture.prompts.importFrom = shared;
        fixture.prompts.merge = r -> {
            assertEquals(1, r.conflicts().size(), "the same gap, another cause");
            assertTrue(r.conflicts().get(0).describe().contains("nccl_watchdog_timeouts"),
                    r.conflicts().get(0).describe());
            return Optional.of(r.resolve(r.conflicts().get(0), MergeResult.Side.THEIRS).merged());
        };
        UiFixture.clickMenu(robot, "#menu-file", "#menu-import-attributions");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !w.session().overlayProperty().get().equals(mine));
        Overlay merged = w.session().overlayProperty().get();
        assertEquals(List.of("their-tag"), merged.tags().stream().map(Tag::id).toList());
        assertEquals(List.of("their-rule"), merged.rules().stream().map(Rule::id).toList());
        assertEquals("nccl_watchdog_timeouts",
                w.session().attribution().at(myTag.startUs()).orElseThrow().cause().id());

        robot.push(KeyCode.CONTROL, KeyCode.Z);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(mine, w.session().overlayProperty().get(), "the whole import undoes in one step");

        Path exported = dir.resolve("mine.goodput-attributions");
        fixture.prompts.exportTo = exported;
        UiFixture.clickMenu(robot, "#menu-file", "#menu-export-attributions");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(exported));
        assertEquals(mine, AttributionFile.read(exported).value());
    }

    @Test
    void closingWithUnsavedEditsAsksFirstAndCancelKeepsEverything(FxRobot robot) throws Exception {
        MainWindow w = fixture.window();
        UiFixture.openAndWait(robot, w, bloomCopy());
        tagFirstUnattributed(robot, w);
        Overlay edits = w.session().overlayProperty().get();

        fixture.prompts.unsaved = WorkspacePrompts.Unsaved.CANCEL;
        robot.interact(() -> w.stage().fireEvent(new WindowEvent(w.stage(), WindowEvent.WINDOW_CLOSE_REQUEST)));
        assertTrue(w.stage().isShowing(), "cancel keeps the window open");
        assertEquals(List.of("unsaved: untitled"), fixture.prompts.asked);
        UiFixture.openAndWait(robot, w, UiFixture.CLEAN);
        assertEquals(edits, w.session().overlayProperty().get(), "cancel keeps the run and its edits");

        UiFixture.flushAutosave(w);
        RecoveryFile recovery = w.document().recoveryFile();
        assertTrue(Files.exists(recovery.path()));
        fixture.prompts.unsaved = WorkspacePrompts.Unsaved.DISCARD;
        robot.clickOn("#run-name").push(KeyCode.CONTROL, KeyCode.W);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(SummaryViewModel.State.EMPTY, w.summary().stateProperty().get());
        UiFixture.flushAutosave(w);
        assertFalse(Files.exists(recovery.path()), "discarded edits leave no autosave to offer back");
    }

    @Test
    void notNowCancelsTheOpenAndKeepsTheAutosaveForLater(FxRobot robot) throws Exception {
        Path run = bloomCopy();
        MainWindow w = openTagged(robot, run);
        Overlay edits = w.session().overlayProperty().get();
        UiFixture.flushAutosave(w);
        RecoveryFile recovery = w.document().recoveryFile();
        byte[] kept = Files.readAllBytes(recovery.path());
        var keptAt = Files.getLastModifiedTime(recovery.path());
        fixture.prompts.unsaved = WorkspacePrompts.Unsaved.CANCEL; // the crash: nobody answers for this window

        nextStart(robot, next -> {
            fixture.prompts.restore = WorkspacePrompts.Restore.LATER;
            UiFixture.openAndWait(robot, next, run);
            assertEquals(SummaryViewModel.State.EMPTY, next.summary().stateProperty().get(), "not opened");
            UiFixture.flushAutosave(next);
            assertArrayEquals(kept, Files.readAllBytes(recovery.path()), "the autosave is kept as it was");
            assertEquals(keptAt, Files.getLastModifiedTime(recovery.path()));
            assertEquals(edits, recovery.read().value().overlay());

            fixture.prompts.restore = WorkspacePrompts.Restore.RESTORE;
            UiFixture.openAndWait(robot, next, run);
            assertEquals(edits, next.session().overlayProperty().get());
        });
    }

    @Test
    void restoringAnAutosaveThatUndidASavedTagIsUnsavedUntilSaved(FxRobot robot) throws Exception {
        Path run = bloomCopy();
        MainWindow w = openTagged(robot, run);
        Path saved = dir.resolve("a.goodput");
        fixture.prompts.saveTo = saved;
        robot.interact(() -> assertTrue(w.workspaceActions().saveNow()));
        robot.interact(() -> w.session().undo()); // the tag is undone, not saved: the autosave has no tag
        UiFixture.flushAutosave(w);
        fixture.prompts.unsaved = WorkspacePrompts.Unsaved.CANCEL;

        fixture.prompts.restore = WorkspacePrompts.Restore.RESTORE;
        nextStart(robot, next -> {
            UiFixture.openAndWait(robot, next, saved);
            assertTrue(next.session().overlayProperty().get().isEmpty());
            assertTrue(next.document().isDirty(), "the restored state differs from the file");
            assertTrue(next.stage().getTitle().endsWith(" *"), next.stage().getTitle());
            UiFixture.flushAutosave(next);
            assertTrue(Files.exists(RecoveryFile.of(saved).path()), "still autosaved until it is saved");
        });
    }

    @Test
    void saveAsFromAnUntitledRunRemovesItsAutosaveAndDontSaveLeavesNothingToOfferBack(FxRobot robot)
            throws Exception {
        Path run = bloomCopy();
        MainWindow w = fixture.window();
        for (int round = 0; round < 5; round++) {
            UiFixture.openAndWait(robot, w, run);
            tagFirstUnattributed(robot, w);
            UiFixture.flushAutosave(w);
            RecoveryFile untitled = w.document().recoveryFile();
            assertTrue(Files.exists(untitled.path()));
            Path saved = dir.resolve("round-" + round + ".goodput");
            fixture.prompts.saveTo = saved;
            robot.interact(() -> assertTrue(w.workspaceActions().saveNow()));
            UiFixture.flushAutosave(w);
            assertFalse(Files.exists(untitled.path()), "round " + round + ": the untitled autosave is gone");
            assertFalse(Files.exists(RecoveryFile.of(saved).path()));
            UiFixture.openAndWait(robot, w, UiFixture.CLEAN);
        }

        UiFixture.openAndWait(robot, w, run);
        tagFirstUnattributed(robot, w);
        UiFixture.flushAutosave(w);
        fixture.prompts.unsaved = WorkspacePrompts.Unsaved.DISCARD;
        fixture.prompts.asked.clear();
        UiFixture.openAndWait(robot, w, UiFixture.CLEAN);
        UiFixture.openAndWait(robot, w, run);
        assertEquals(List.of("unsaved: untitled"), fixture.prompts.asked, "discarded edits are not offered back");
        assertTrue(w.session().overlayProperty().get().isEmpty());
    }

    @Test
    void aDamagedWorkspaceFileIsReportedWithItsLineAndNothingElseChanges(FxRobot robot) throws Exception {
        Path damaged = Files.writeString(dir.resolve("damaged.goodput"),
                "{\n  \"format\" : \"goodput-workspace\",\n  \"version\" : 2,\n  \"inputs\" : [ {\"path\": 3\n");
        String before = Files.readString(damaged);
        MainWindow w = fixture.window();
        UiFixture.openAndWait(robot, w, damaged);
        assertEquals(SummaryViewModel.State.FAILED, w.summary().stateProperty().get());
        String problem = w.summary().problemsProperty().get(0);
        assertTrue(problem.contains("damaged.goodput:5: expected a closing } for the object opened on line 4; "
                + "the file ends inside it (cut short?)"), problem);
        assertEquals(before, Files.readString(damaged), "the file is left as it was");
        assertFalse(w.document().openProperty().get());
    }

    /** The window, showing {@code run} with its first unattributed downtime tagged. */
    private MainWindow openTagged(FxRobot robot, Path run) {
        MainWindow w = fixture.window();
        UiFixture.openAndWait(robot, w, run);
        tagFirstUnattributed(robot, w);
        return w;
    }

    private Path bloomCopy() throws java.io.IOException {
        return Files.copy(UiFixture.BLOOM, dir.resolve("run.jsonl"));
    }

    /** What can be thrown in a test's body. */
    private interface WindowCheck {
        void accept(MainWindow window) throws Exception;
    }

    /** A second window on the same preferences and app folder: the next start of the app, e.g. after a crash. */
    private void nextStart(FxRobot robot, WindowCheck check) throws Exception {
        AtomicReference<MainWindow> next = new AtomicReference<>();
        robot.interact(() -> next.set(fixture.create(new Stage())));
        try {
            check.accept(next.get());
        } finally {
            robot.interact(() -> next.get().stage().close());
        }
    }

    /** The first unattributed downtime, tagged as a failed GPU (as the table or the timeline would). */
    private static void tagFirstUnattributed(FxRobot robot, MainWindow w) {
        robot.interact(() -> {
            AttributedInterval gap = w.session().attribution()
                    .nextUnattributed(w.session().base().window().startUs() - 1).orElseThrow();
            w.session().apply(w.session().tagging().tag(gap, "faulty_gpu", Layer.INFRA, "node 17, Xid 79"));
        });
    }
}
