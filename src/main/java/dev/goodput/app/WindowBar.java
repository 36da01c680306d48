package dev.goodput.app;

import dev.goodput.core.derive.Derivation;
import dev.goodput.core.derive.Window;
import dev.goodput.core.report.HumanFormat;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.text.Text;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.function.Consumer;

/**
 * The measurement window, editable: a preset (whole run, last 24 h, custom, timeline selection) and the start and
 * end as ISO-8601 times; Apply re-derives the three goodputs over that window.
 */
final class WindowBar {
    /** The key under which a field keeps the exact time it shows. */
    private static final String SHOWN = "goodput.shownTime";
    private static final String TIME_SAMPLE = "2022-03-11T19:42:00Z";
    /** A text field's left and right padding and border, and a caret's room. */
    private static final double FIELD_PADDING = 26;
    private static final double PRESET_WIDTH = 150;

    private WindowBar() {
    }

    /**
     * @param selection the range selected on the timeline ({start, end} µs), or null
     * @param apply     called with the window to derive over
     */
    static HBox of(ReadOnlyObjectProperty<Derivation> derivation, ObservableValue<long[]> selection,
                   Consumer<Window> apply) {
        ComboBox<WindowPreset> preset = new ComboBox<>();
        preset.getItems().setAll(WindowPreset.values());
        preset.setValue(WindowPreset.WHOLE_RUN);
        preset.setId("window-preset");
        TextField start = new TextField();
        TextField end = new TextField();
        start.setId("window-start");
        end.setId("window-end");
        // Room for a time to the second ("2022-03-11T19:42:00Z") and no more: the bar shares the toolbar.
        fitToTime(start);
        fitToTime(end);
        preset.setPrefWidth(PRESET_WIDTH);
        Label error = new Label();
        error.getStyleClass().add("window-error");
        error.setWrapText(true);
        error.setMaxWidth(260);
        Button applyButton = new Button("Apply");
        applyButton.setId("window-apply");
        Runnable fill = () -> {
            Derivation d = derivation.get();
            if (d == null) {
                return;
            }
            Window w = switch (preset.getValue()) {
                case WHOLE_RUN -> WindowPreset.wholeRun(d);
                case LAST_24_HOURS -> WindowPreset.last24Hours(d);
                case TIMELINE_SELECTION -> selection.getValue() == null ? d.window()
                        : new Window(selection.getValue()[0], selection.getValue()[1]);
                case CUSTOM -> d.window(); // not asked for: Custom keeps what is typed
            };
            show(start, w.startUs());
            show(end, w.endUs());
        };
        // True while the bar follows the run shown (opened, reloaded, re-derived): that is no choice to apply.
        boolean[] following = {false};
        preset.valueProperty().addListener((obs, old, p) -> {
            // Custom keeps what is typed (the first key typed into a field chooses it).
            if (following[0] || p == WindowPreset.CUSTOM) {
                return;
            }
            fill.run();
            applyButton.fire();
        });
        derivation.addListener((obs, old, d) -> {
            following[0] = true;
            try {
                // No run: no dates (those of a run closed before would pass for the failed open's).
                if (d == null) {
                    start.setText("");
                    end.setText("");
                } else {
                    show(start, d.window().startUs());
                    show(end, d.window().endUs());
                }
                error.setText("");
                if (d != null && (old == null || old.run() != d.run())) {
                    // Another run, or the same read again: its window is the one the workspace keeps, maybe not the
                    // whole run's; the preset names it, and applying nothing keeps it.
                    preset.setValue(presetOf(d));
                }
            } finally {
                following[0] = false;
            }
        });
        applyButton.setOnAction(e -> {
            try {
                long s = read(start);
                long t = read(end);
                if (t <= s) {
                    error.setText("The end must be after the start");
                    return;
                }
                error.setText("");
                apply.accept(new Window(s, t));
            } catch (DateTimeParseException ex) {
                error.setText("Expected ISO-8601 times with offset, e.g. 2025-03-03T09:10:00Z");
            }
        });
        // A range shift-dragged on the timeline becomes the window at once.
        selection.addListener((obs, old, r) -> {
            if (r != null) {
                if (preset.getValue() == WindowPreset.TIMELINE_SELECTION) {
                    fill.run();
                    applyButton.fire();
                } else {
                    preset.setValue(WindowPreset.TIMELINE_SELECTION);
                }
            }
        });
        start.setOnAction(e -> applyButton.fire());
        end.setOnAction(e -> applyButton.fire());
        start.textProperty().addListener((obs, o, n) -> markCustom(preset, derivation, start, end));
        end.textProperty().addListener((obs, o, n) -> markCustom(preset, derivation, start, end));
        HBox bar = new HBox(6, new Label("Window"), preset, start, new Label("to"), end, applyButton, error);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setId("window-bar");
        bar.disableProperty().bind(derivation.isNull());
        return bar;
    }

    /** Once styled (the theme's font known), as wide as a time to the second and the field's padding. */
    private static void fitToTime(TextField field) {
        Runnable fit = () -> {
            Text sample = new Text(TIME_SAMPLE);
            sample.setFont(field.getFont());
            field.setPrefWidth(Math.ceil(sample.getLayoutBounds().getWidth()) + FIELD_PADDING);
        };
        field.fontProperty().addListener((obs, was, now) -> fit.run());
        fit.run();
    }

    /** The preset that gives the run's window, or "Custom range". */
    private static WindowPreset presetOf(Derivation d) {
        if (d.window().equals(WindowPreset.wholeRun(d))) {
            return WindowPreset.WHOLE_RUN;
        }
        return d.window().equals(WindowPreset.last24Hours(d)) ? WindowPreset.LAST_24_HOURS : WindowPreset.CUSTOM;
    }

    /** Typing a time that is not the preset's own makes the preset "Custom range". */
    private static void markCustom(ComboBox<WindowPreset> preset, ReadOnlyObjectProperty<Derivation> derivation,
                                   TextField start, TextField end) {
        Derivation d = derivation.get();
        if (d == null || preset.getValue() == WindowPreset.CUSTOM) {
            return;
        }
        boolean shown = start.getText().equals(text(d.window().startUs()))
                && end.getText().equals(text(d.window().endUs()));
        if (!shown && start.isFocused() || !shown && end.isFocused()) {
            preset.setValue(WindowPreset.CUSTOM);
        }
    }

    /** A window's time as its field shows it: ISO-8601 to the second (a field is no place for microseconds). */
    static String text(long us) {
        return HumanFormat.iso(Math.floorDiv(us, 1_000_000L) * 1_000_000L);
    }

    /** Shows a time in its field, remembering the exact time, so that applying the field unchanged keeps it. */
    private static void show(TextField field, long us) {
        String text = text(us);
        field.setText(text);
        field.getProperties().put(SHOWN, new ShownTime(text, us));
    }

    /** The field's time: the exact time shown there while its text is unchanged, else what was typed. */
    private static long read(TextField field) {
        Object shown = field.getProperties().get(SHOWN);
        if (shown instanceof ShownTime t && t.text().equals(field.getText())) {
            return t.us();
        }
        return parse(field.getText());
    }

    private record ShownTime(String text, long us) {
    }

    static long parse(String text) {
        var i = OffsetDateTime.parse(text.trim()).toInstant();
        return i.getEpochSecond() * 1_000_000L + i.getNano() / 1000L;
    }
}
