package dev.goodput.app.source;

import dev.goodput.core.model.Source;
import atlantafx.base.theme.Styles;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

/**
 * The raw line of a record (a fault's, an interval's) in its file: a read-only window with the lines around it,
 * numbered, the line itself marked and scrolled to; the path and line in the title. The file is read off the FX
 * thread; when it is gone or shorter than the line, the window says so. Not modal: the workbench stays usable
 * beside it. Esc closes it; the arrows move through the lines; shortcut-C copies the selected lines.
 */
public final class SourceLineViewer extends Dialog<Void> {
    /** Lines shown either side of the line. */
    public static final int CONTEXT = 50;
    private static final double LINE_HEIGHT = 22;

    /** A numbered line of the file. */
    public record Line(long number, String text, boolean target) {
    }

    private final Path file;
    private final long line;
    private final Label status = new Label("Reading…");
    private final ListView<Line> lines = new ListView<>();
    private Task<SourceExcerpt> reading;
    private int target = -1;

    public SourceLineViewer(Source source) {
        this.file = Path.of(source.file());
        this.line = source.line();
        setTitle(source.line() > 0 ? source.file() + ":" + source.line() : source.file());
        setResizable(true);
        initModality(Modality.NONE);
        status.setId("source-status");
        status.setWrapText(true);
        lines.setId("source-lines");
        lines.setStyle("-fx-font-family: monospace;");
        lines.getStyleClass().add(Styles.DENSE);
        lines.setFixedCellSize(LINE_HEIGHT); // every line one row: the marked one can be centred
        lines.setCellFactory(list -> new LineCell());
        lines.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        lines.setPlaceholder(new Label(""));
        lines.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN).match(e)) {
                copySelected();
                e.consume();
            }
        });
        Label path = new Label(file.toAbsolutePath() + (line > 0 ? ", line " + line : ""));
        path.setId("source-path");
        path.setWrapText(true);
        VBox top = new VBox(4, path, status);
        top.setPadding(new Insets(0, 0, 6, 0));
        BorderPane content = new BorderPane(lines);
        content.setTop(top);
        VBox.setVgrow(lines, Priority.ALWAYS);
        getDialogPane().setContent(content);
        // Wider than the theme's dialogs (AtlantaFX caps a dialog pane at 600 px): log lines are long.
        getDialogPane().setPrefSize(1000, 640);
        getDialogPane().setStyle("-fx-max-width: 100000px;"); // inline: the theme's rule outranks a setter here
        getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        setOnShown(e -> Platform.runLater(() -> {
            lines.requestFocus();
            centreOnTarget();
        }));
        // Esc closes it from the lines too (the list would keep the key for itself).
        getDialogPane().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                close();
            }
        });
        setOnHidden(e -> {
            if (reading != null) {
                reading.cancel(true);
            }
        });
    }

    /** Shows the record's line over {@code owner} (may be null), its file read on {@code executor}. */
    public static SourceLineViewer show(Window owner, Source source, Executor executor) {
        SourceLineViewer v = new SourceLineViewer(source);
        if (owner != null) {
            v.initOwner(owner);
        }
        v.read(executor);
        v.show();
        return v;
    }

    /** Reads the file on {@code executor} and shows its lines when done. */
    public void read(Executor executor) {
        reading = new Task<>() {
            @Override
            protected SourceExcerpt call() {
                return SourceExcerpt.read(file, line, CONTEXT);
            }
        };
        reading.setOnSucceeded(e -> show(reading.getValue()));
        reading.setOnFailed(e -> status.setText("Could not read " + file + ": " + reading.getException()));
        executor.execute(reading);
    }

    /** What the window shows, once read. */
    void show(SourceExcerpt excerpt) {
        List<Line> shown = new ArrayList<>(excerpt.lines().size());
        for (int i = 0; i < excerpt.lines().size(); i++) {
            long number = excerpt.firstLine() + i;
            shown.add(new Line(number, excerpt.lines().get(i), number == excerpt.line()));
        }
        lines.getItems().setAll(shown);
        if (excerpt.found()) {
            status.setText("Lines " + excerpt.firstLine() + "–" + (excerpt.firstLine() + shown.size() - 1)
                    + "; line " + excerpt.line() + " is marked");
            target = excerpt.index();
            lines.getSelectionModel().clearAndSelect(target);
            lines.getFocusModel().focus(target);
            Platform.runLater(this::centreOnTarget); // once laid out, so the rows shown are known
        } else {
            status.setText(excerpt.problem());
            status.getStyleClass().add("danger");
            lines.setPlaceholder(new Label(excerpt.problem()));
        }
    }

    /** Scrolls the marked line to the middle of the rows shown. */
    private void centreOnTarget() {
        if (target >= 0) {
            int rows = (int) Math.max(1, lines.getHeight() / LINE_HEIGHT);
            lines.scrollTo(Math.max(0, target - rows / 2));
        }
    }

    /** The status line: what was read, or why the line is not shown. */
    public String statusText() {
        return status.getText();
    }

    /** The lines shown. */
    public List<Line> shownLines() {
        return List.copyOf(lines.getItems());
    }

    private void copySelected() {
        String text = lines.getSelectionModel().getSelectedItems().stream().map(Line::text)
                .collect(Collectors.joining("\n"));
        if (!text.isEmpty()) {
            ClipboardContent c = new ClipboardContent();
            c.putString(text);
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(c);
        }
    }

    /**
     * A line with its number; the line asked for bold, on an ochre tint (read on either theme) while it is not
     * selected, in the selection's colours when it is.
     */
    private static final class LineCell extends ListCell<Line> {
        @Override
        protected void updateItem(Line item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : String.format(Locale.ROOT, "%7d  %s", item.number(), item.text()));
            mark();
        }

        @Override
        public void updateSelected(boolean selected) {
            super.updateSelected(selected);
            mark();
        }

        private void mark() {
            Line item = isEmpty() ? null : getItem();
            if (item == null || !item.target()) {
                setStyle("");
            } else {
                setStyle(isSelected() ? "-fx-font-weight: bold;"
                        : "-fx-font-weight: bold; -fx-background-color: rgba(212, 167, 44, 0.35);");
            }
        }
    }
}
