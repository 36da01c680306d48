package dev.goodput.app;

import atlantafx.base.theme.Styles;
import dev.goodput.core.report.GoodputTerm;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;

import java.util.Locale;

/**
 * One headline goodput: title, large figure, formula (or the profile its MFU came from), and the full definition as a tooltip; under them, when the
 * run was read only in part, a badge saying how much was skipped (its tooltip names the first).
 */
final class FigureCard {
    private FigureCard() {
    }

    /** The card of {@code measure} in the run {@code summary} shows. */
    static VBox of(GoodputTerm measure, SummaryViewModel summary) {
        return of(measure, summary.figureProperty(measure), summary.formulaProperty(measure),
                summary.partialProperty(), summary.partialDetailProperty());
    }

    /**
     * @param formula       the line under the figure: its formula, or where a profile's MFU came from
     * @param partial       the badge's text ("Partial: 3 read errors"), "" for none
     * @param partialDetail its tooltip
     */
    static VBox of(GoodputTerm measure, ObservableValue<String> figure, ObservableValue<String> formula,
                   ObservableValue<String> partial, ObservableValue<String> partialDetail) {
        Label title = new Label(measure.title());
        title.getStyleClass().add(WorkbenchStyles.FIGURE_TITLE);
        Label value = new Label();
        value.textProperty().bind(figure);
        value.getStyleClass().add(WorkbenchStyles.FIGURE_VALUE);
        value.setId(id(measure));
        Label formulaLine = new Label();
        formulaLine.textProperty().bind(formula);
        formulaLine.getStyleClass().add(WorkbenchStyles.FIGURE_FORMULA);
        formulaLine.setId(id(measure) + "-formula");

        Label badge = partialBadge(partial, partialDetail);
        badge.setId(id(measure) + "-partial");

        VBox card = new VBox(title, value, formulaLine, badge);
        card.setId(id(measure) + "-card");
        card.getStyleClass().add(WorkbenchStyles.FIGURE_CARD);
        if (measure == GoodputTerm.OVERALL) {
            card.getStyleClass().add(WorkbenchStyles.FIGURE_HEADLINE);
        }
        Tooltip tip = tooltip(420);
        tip.setText(measure.definition());
        Tooltip.install(card, tip);
        return card;
    }

    /** Shown only while the run is partial; takes no room otherwise. */
    private static Label partialBadge(ObservableValue<String> partial, ObservableValue<String> detail) {
        Label badge = new Label();
        badge.textProperty().bind(partial);
        badge.setGraphic(new FontIcon(MaterialDesignA.ALERT_OUTLINE));
        badge.getStyleClass().addAll(Styles.WARNING, Styles.TEXT_SMALL);
        badge.visibleProperty().bind(Bindings.createBooleanBinding(() -> !partial.getValue().isEmpty(), partial));
        badge.managedProperty().bind(badge.visibleProperty());
        Tooltip tip = tooltip(520);
        tip.textProperty().bind(detail);
        badge.setTooltip(tip);
        return badge;
    }

    /** Quick to show and slow to go: the texts are read, not glanced at. */
    private static Tooltip tooltip(double maxWidth) {
        Tooltip tip = new Tooltip();
        tip.setShowDelay(Duration.millis(250));
        tip.setShowDuration(Duration.seconds(30));
        tip.setWrapText(true);
        tip.setMaxWidth(maxWidth);
        return tip;
    }

    /** "figure-infra", … : the figure's node id, for tests and for styling one card. */
    static String id(GoodputTerm measure) {
        return "figure-" + measure.name().toLowerCase(Locale.ROOT);
    }
}
