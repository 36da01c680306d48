package dev.goodput.app;

import dev.goodput.core.report.GoodputTerm;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import java.util.Locale;

/** One headline goodput: title, large figure, formula, and the full definition as a tooltip. */
final class FigureCard {
    private FigureCard() {
    }

    static VBox of(GoodputTerm measure, ObservableValue<String> figure) {
        Label title = new Label(measure.title());
        title.getStyleClass().add(WorkbenchStyles.FIGURE_TITLE);
        Label value = new Label();
        value.textProperty().bind(figure);
        value.getStyleClass().add(WorkbenchStyles.FIGURE_VALUE);
        value.setId(id(measure));
        Label formula = new Label(measure.formula());
        formula.getStyleClass().add(WorkbenchStyles.FIGURE_FORMULA);

        VBox card = new VBox(title, value, formula);
        card.setId(id(measure) + "-card");
        card.getStyleClass().add(WorkbenchStyles.FIGURE_CARD);
        if (measure == GoodputTerm.OVERALL) {
            card.getStyleClass().add(WorkbenchStyles.FIGURE_HEADLINE);
        }
        Tooltip tip = new Tooltip(measure.definition());
        tip.setShowDelay(Duration.millis(250));
        tip.setShowDuration(Duration.seconds(30));
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        Tooltip.install(card, tip);
        return card;
    }

    /** "figure-infra", … : the figure's node id, for tests and for styling one card. */
    static String id(GoodputTerm measure) {
        return "figure-" + measure.name().toLowerCase(Locale.ROOT);
    }
}
