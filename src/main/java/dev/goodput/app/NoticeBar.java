package dev.goodput.app;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;

/**
 * A warning strip above the figures, e.g. "run.jsonl changed since the workspace was saved": shown while there are
 * notices and until the user dismisses them; new notices show it again.
 */
final class NoticeBar {
    static final String STYLE = "notice-bar";

    private NoticeBar() {
    }

    static HBox of(ObservableList<String> notices) {
        Label text = new Label();
        text.setId("notice-text");
        text.setWrapText(true);
        text.setGraphic(new FontIcon(MaterialDesignA.ALERT_OUTLINE));
        text.textProperty().bind(Bindings.createStringBinding(() -> String.join("\n", notices), notices));
        text.setMaxWidth(Double.MAX_VALUE);
        // Wrapped whole (a failed open's reason is long), never cut short; the button keeps its word.
        text.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button dismiss = new Button("Dismiss");
        dismiss.setId("notice-dismiss");
        dismiss.getStyleClass().add(Styles.SMALL);
        dismiss.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(10, text, dismiss);
        bar.setId("notice-bar");
        bar.getStyleClass().add(STYLE);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 10, 6, 10));
        Runnable show = () -> {
            bar.setVisible(!notices.isEmpty());
            bar.setManaged(!notices.isEmpty());
        };
        dismiss.setOnAction(e -> {
            bar.setVisible(false);
            bar.setManaged(false);
        });
        notices.addListener((ListChangeListener<String>) c -> show.run());
        show.run();
        return bar;
    }
}
