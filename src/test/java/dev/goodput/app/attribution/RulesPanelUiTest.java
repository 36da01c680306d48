package dev.goodput.app.attribution;

import dev.goodput.core.attribution.Overlay;
import dev.goodput.core.attribution.Rule;
import dev.goodput.core.derive.Derivation;
import dev.goodput.core.report.GoodputReport;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules panel on its own, headless, on the BLOOM-176B sample; rules are "typed" by an injected prompt. */
@ExtendWith(ApplicationExtension.class)
class RulesPanelUiTest {
    private static Derivation bloom;

    private final AttributionSession session = new AttributionSession();
    private final List<RuleEditorModel> asked = new ArrayList<>();
    /** What the user "types" into the editor the panel opens. */
    private Function<RuleEditorModel, Optional<Rule>> answer = editor -> Optional.empty();
    private RulesViewModel rules;
    private GoodputReport original;

    @BeforeAll
    static void load() throws Exception {
        bloom = BloomSample.derive();
    }

    @Start
    void start(Stage stage) {
        session.load(bloom, Overlay.EMPTY);
        original = session.derivationProperty().get().report();
        rules = new RulesViewModel(session);
        RulesPanel panel = new RulesPanel(rules, editor -> {
            asked.add(editor);
            return answer.apply(editor);
        });
        stage.setScene(new Scene(panel, 1100, 400));
        stage.show();
    }

    private static Optional<Rule> gpuDeaths(RuleEditorModel editor) {
        editor.nameProperty().set("GPU deaths");
        editor.messagePatternProperty().set("one GPU dies");
        editor.causeProperty().set("Node failure");
        return Optional.ofNullable(editor.getRule());
    }

    private boolean cellShows(FxRobot robot, String text) {
        return robot.lookup("#rules-table .table-cell").match((TableCell<?, ?> c) -> text.equals(c.getText()))
                .tryQuery().isPresent();
    }

    @Test
    void addARuleSeeWhatItTagsThenUntickItAndTheReportIsRestored(FxRobot robot) {
        Label empty = robot.lookup("#rules-empty").queryAs(Label.class);
        assertTrue(empty.isVisible());
        assertEquals(RulesPanel.EMPTY_TEXT, empty.getText());
        assertTrue(robot.lookup("#rule-edit").queryButton().isDisabled());

        answer = RulesPanelUiTest::gpuDeaths;
        robot.clickOn("#rule-add");
        assertEquals(1, asked.size());
        assertTrue(asked.get(0).isNew());
        TableView<?> table = robot.lookup("#rules-table").queryTableView();
        assertEquals(1, table.getItems().size());
        RulesViewModel.Row row = rules.rows().get(0);
        assertTrue(row.taggedIntervals() > 1, row.tags());
        assertTrue(cellShows(robot, row.tags()), row.tags());
        assertTrue(cellShows(robot, "/one GPU dies/"));
        assertTrue(cellShows(robot, "Node failure"));
        GoodputReport withRule = session.derivationProperty().get().report();
        assertFalse(original.equals(withRule));
        assertEquals(row.id(), table.getSelectionModel().getSelectedItem() instanceof RulesViewModel.Row r
                ? r.id() : null, "the new rule is selected");

        CheckBox enabled = robot.lookup("#rules-table ." + RulesPanel.ENABLED_TOGGLE).queryAs(CheckBox.class);
        assertTrue(enabled.isSelected());
        robot.clickOn(enabled);
        assertEquals(0, rules.rows().get(0).taggedIntervals());
        assertTrue(cellShows(robot, "none"));
        assertFalse(robot.lookup("#rules-table ." + RulesPanel.ENABLED_TOGGLE).queryAs(CheckBox.class).isSelected());
        assertEquals(original, session.derivationProperty().get().report(), "exactly the report without the rule");
        assertEquals("Undo Edit rule GPU deaths", session.undoTextProperty().get(), "one step");

        robot.interact(session::undo);
        assertTrue(robot.lookup("#rules-table ." + RulesPanel.ENABLED_TOGGLE).queryAs(CheckBox.class).isSelected());
        assertEquals(row.taggedIntervals(), rules.rows().get(0).taggedIntervals());
        assertEquals(withRule, session.derivationProperty().get().report());
    }

    @Test
    void editAndRemoveTheSelectedRule(FxRobot robot) {
        answer = RulesPanelUiTest::gpuDeaths;
        robot.clickOn("#rule-add");
        answer = editor -> {
            editor.causeProperty().set("Power Supply");
            return Optional.ofNullable(editor.getRule());
        };
        robot.clickOn("GPU deaths"); // the name cell selects the row
        Button edit = robot.lookup("#rule-edit").queryButton();
        assertFalse(edit.isDisabled());
        robot.clickOn(edit);
        assertFalse(asked.get(1).isNew());
        assertEquals("Power Supply", rules.rows().get(0).cause());
        assertTrue(cellShows(robot, "Power Supply"));
        assertFalse(edit.isDisabled(), "the edited rule stays selected");

        robot.clickOn("#rule-remove");
        assertTrue(rules.rows().isEmpty());
        assertEquals(original, session.derivationProperty().get().report());
        assertTrue(robot.lookup("#rules-empty").query().isVisible());
        Node remove = robot.lookup("#rule-remove").query();
        assertTrue(remove.isDisabled());
    }

    @Test
    void aCancelledPromptChangesNothing(FxRobot robot) {
        long revision = session.revisionProperty().get();
        robot.clickOn("#rule-add");
        assertEquals(1, asked.size());
        assertEquals(revision, session.revisionProperty().get());
        assertTrue(rules.rows().isEmpty());
    }
}
