package dev.goodput.app.attribution;

import dev.goodput.core.attribution.Overlay;
import dev.goodput.core.attribution.Rule;
import dev.goodput.core.model.Layer;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rule dialog typed into as a user would: problems live, the preview, cause completion, OK while valid. */
@ExtendWith(ApplicationExtension.class)
class RuleEditorUiTest {
    private final AttributionSession session = new AttributionSession();
    private Stage stage;
    private RuleDialog dialog;

    @Start
    void start(Stage stage) throws Exception {
        session.load(BloomSample.derive(), Overlay.EMPTY);
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 400, 300)); // a dialog's owner has a scene
        stage.show();
    }

    private String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void typeARuleWithProblemsShownAsYouGo(FxRobot robot) {
        RulesViewModel rules = new RulesViewModel(session, () -> "r1");
        robot.interact(() -> {
            dialog = new RuleDialog(stage, rules.newRule());
            dialog.show();
        });
        assertTrue(robot.lookup("#rule-ok").query().isDisabled());
        assertEquals("a rule needs a message or source pattern\ncause is required", text(robot, "#rule-problems"));

        robot.clickOn("#rule-message").write("one GPU (dies");
        assertEquals("message pattern: Unclosed group near index 13\ncause is required",
                text(robot, "#rule-problems"));
        assertEquals("", text(robot, "#rule-preview"));
        robot.interact(() -> robot.lookup("#rule-message").queryAs(TextField.class).setText(""));
        robot.clickOn("#rule-message").write("one GPU dies");
        assertEquals("cause is required", text(robot, "#rule-problems"));
        assertTrue(text(robot, "#rule-preview").matches("Matches \\d+ lost intervals \\(.+\\) in this run"),
                text(robot, "#rule-preview"));

        robot.interact(() -> robot.lookup("#rule-layer").queryAs(ChoiceBox.class).setValue(Layer.FRAMEWORK));
        // "node fail" completes in place to "node failure"; leaving the field takes it, as the list names it.
        // (Enter would take it too, and close the dialog: OK is the default button.)
        robot.clickOn("#rule-cause").write("node fail").type(KeyCode.TAB);
        assertEquals("Node failure", robot.lookup("#rule-cause").queryAs(CauseField.class).getText());
        assertEquals(Layer.INFRA, robot.lookup("#rule-layer").queryAs(ChoiceBox.class).getValue(),
                "a known cause brings its layer");
        assertEquals("", text(robot, "#rule-problems"));
        assertFalse(robot.lookup("#rule-ok").query().isDisabled());

        robot.clickOn("#rule-name").write("GPU deaths");
        robot.clickOn("#rule-ok");
        assertEquals(new Rule("r1", "GPU deaths", "one GPU dies", null, Long.MIN_VALUE, Long.MAX_VALUE,
                "node_failure", Layer.INFRA, true), dialog.getResult());
        assertTrue(session.overlayProperty().get().isEmpty(), "the dialog only asks; the panel applies");
    }
}
