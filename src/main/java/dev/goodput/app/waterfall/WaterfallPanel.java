package dev.goodput.app.waterfall;

import dev.goodput.app.ChartPane;
import dev.goodput.chart.CauseKey;
import dev.goodput.chart.waterfall.WaterfallOptions;
import dev.goodput.chart.waterfall.WaterfallUnit;
import javafx.animation.Animation;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;

import java.util.Locale;
import java.util.function.Function;

/**
 * The badput waterfall with its controls: unit (share of the window, accelerator-hours, cost at a price per
 * accelerator-hour) and the threshold under which causes are grouped. Hover says a part's numbers; a click
 * highlights a cause here and on the timeline; a right-click offers what the app adds for that cause.
 */
public final class WaterfallPanel extends BorderPane {
    private final WaterfallViewModel model;
    private final ChartPane chart = new ChartPane();
    /** How far right and below the pointer the tooltip's corner is, clear of the cursor. */
    private static final double TIP_OFFSET = 14;
    private final Tooltip tip = new Tooltip();
    private final PauseTransition tipDelay = new PauseTransition(Duration.millis(150));
    private double pointerX;
    private double pointerY;
    private ContextMenu shownMenu;

    public WaterfallPanel(WaterfallViewModel model) {
        this.model = model;
        setId("waterfall");
        chart.setId("waterfall-chart");
        chart.chartProperty().bind(model.chartProperty());
        setTop(controls());
        setCenter(chart);
        BorderPane.setMargin(chart, new Insets(4, 0, 0, 0));

        // Shown by hand at the pointer, part by part: an installed tooltip stays where it first appeared while the
        // pointer moves on to other parts. A short rest on a part before it shows, as for any tooltip.
        tip.setId("waterfall-tip");
        tipDelay.setOnFinished(e -> tip.show(chart, pointerX + TIP_OFFSET, pointerY + TIP_OFFSET));
        chart.setOnMouseMoved(e -> {
            pointerX = e.getScreenX();
            pointerY = e.getScreenY();
            String text = model.hoverText(chart.chartStyleProperty().get(), chart.chartWidth(), chart.chartHeight(),
                    e.getX(), e.getY());
            if (text == null) {
                hideTip();
            } else if (text.equals(tip.getText())
                    && (tip.isShowing() || tipDelay.getStatus() == Animation.Status.RUNNING)) {
                if (tip.isShowing()) { // the same part: the tip follows the pointer
                    tip.setAnchorX(pointerX + TIP_OFFSET);
                    tip.setAnchorY(pointerY + TIP_OFFSET);
                }
            } else {
                tip.hide();
                tip.setText(text);
                tipDelay.playFromStart();
            }
        });
        chart.setOnMouseExited(e -> hideTip());
        chart.setOnMouseClicked(e -> {
            if (e.getButton() == javafx.scene.input.MouseButton.PRIMARY) {
                model.click(chart.chartStyleProperty().get(), chart.chartWidth(), chart.chartHeight(), e.getX(), e.getY());
            }
        });
    }

    private void hideTip() {
        tipDelay.stop();
        tip.hide();
        tip.setText(null);
    }

    /** The pane that shows the chart (its style follows the theme; the app adds a context menu). */
    public ChartPane chartPane() {
        return chart;
    }

    public void setContextMenu(ContextMenu menu) {
        setContextMenu(cause -> menu);
    }

    /**
     * A context menu made for the cause right-clicked (its bar part or callout; from the keyboard, the cause
     * highlighted), or null for none: e.g. its colour items before the chart's own.
     */
    public void setContextMenu(Function<CauseKey, ContextMenu> menuFor) {
        chart.setOnContextMenuRequested(e -> {
            CauseKey cause = e.isKeyboardTrigger() ? model.highlightProperty().get()
                    : model.causeAt(chart.chartStyleProperty().get(), chart.chartWidth(), chart.chartHeight(),
                    e.getX(), e.getY());
            hideTip();
            if (shownMenu != null) {
                shownMenu.hide();
            }
            shownMenu = menuFor.apply(cause);
            shownMenu.show(chart, e.getScreenX(), e.getScreenY());
        });
    }

    private HBox controls() {
        ToggleGroup units = new ToggleGroup();
        HBox unitButtons = new HBox();
        unitButtons.getStyleClass().add("segmented");
        for (WaterfallUnit u : WaterfallUnit.values()) {
            ToggleButton b = new ToggleButton(switch (u) {
                case FRACTION -> "%";
                case ACCELERATOR_HOURS -> "Hours";
                case COST -> "Cost";
            });
            b.setId("waterfall-unit-" + u.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            b.setToggleGroup(units);
            b.setUserData(u);
            b.setTooltip(new Tooltip(u.label()));
            b.setSelected(model.optionsProperty().get().unit() == u);
            unitButtons.getChildren().add(b);
        }
        units.selectedToggleProperty().addListener((obs, was, now) -> {
            if (now == null) {
                was.setSelected(true); // one unit is always chosen
            } else {
                model.optionsProperty().set(model.optionsProperty().get().withUnit((WaterfallUnit) now.getUserData()));
            }
        });

        TextField price = new TextField(String.valueOf(model.optionsProperty().get().pricePerHour()));
        price.setId("waterfall-price");
        price.setPrefColumnCount(5);
        price.setTextFormatter(new TextFormatter<>(c -> c.getControlNewText().matches("\\d{0,7}([.,]\\d{0,4})?") ? c
                : null));
        price.textProperty().addListener((obs, was, now) -> {
            if (now.matches(".*\\d.*")) { // "" or a lone "." while typing is not a price yet
                double p = Double.parseDouble(now.replace(',', '.'));
                model.optionsProperty().set(model.optionsProperty().get().withPrice(p));
            }
        });
        Label priceLabel = new Label("$/acc-h");
        priceLabel.setTooltip(new Tooltip("Price of one accelerator-hour"));
        HBox priceBox = new HBox(6, price, priceLabel);
        priceBox.setAlignment(Pos.CENTER_LEFT);
        priceBox.visibleProperty().bind(units.selectedToggleProperty().isEqualTo(
                unitButtons.getChildren().get(WaterfallUnit.COST.ordinal())));
        priceBox.managedProperty().bind(priceBox.visibleProperty());

        Spinner<Double> threshold = new Spinner<>(new SpinnerValueFactory.DoubleSpinnerValueFactory(0, 10,
                model.optionsProperty().get().otherThreshold() * 100, 0.1));
        threshold.setId("waterfall-threshold");
        threshold.setEditable(true);
        threshold.setPrefWidth(76);
        threshold.setTooltip(new Tooltip("Causes smaller than this share of the window are grouped as Other"));
        threshold.valueProperty().addListener((obs, was, now) -> {
            if (now != null) {
                model.optionsProperty().set(model.optionsProperty().get().withOtherThreshold(now / 100));
            }
        });
        Label thresholdLabel = new Label("%");
        Label title = new Label("Badput waterfall");
        title.getStyleClass().add("section-title");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(6, title, grow, unitButtons, priceBox, new Label("Other <"), threshold,
                thresholdLabel);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    /** Options as the user left them (e.g. to remember them). */
    public WaterfallOptions options() {
        return model.optionsProperty().get();
    }
}
