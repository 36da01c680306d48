package dev.goodput.app.attribution;

import atlantafx.base.theme.Styles;
import dev.goodput.core.attribution.FaultRole;
import dev.goodput.core.model.Cause;
import dev.goodput.core.model.FaultEvent;
import dev.goodput.core.model.Layer;
import dev.goodput.core.model.Source;
import dev.goodput.core.report.HumanFormat;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.ChoiceBoxTableCell;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The attribution table: every lost interval and fault of the window, filterable, with the cause, layer and note
 * editable in place, a fault's rule and root beside its source, and buttons to tag several rows at once, split,
 * merge, set a fault's role, go to a cascade's root and open a row's raw line. Every change goes
 * through {@link AttributionRows}, so it is one undo step of the session. Dialogs come from injectable prompts (the
 * app's dialogs by default), so tests answer them without a window.
 */
public final class AttributionTablePanel extends BorderPane {
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private final AttributionRows rows;
    private final TableView<AttributionRow> table = new TableView<>();
    private final ReadOnlyObjectWrapper<List<AttributionRow>> selectedRows = new ReadOnlyObjectWrapper<>(this,
            "selectedRows", List.of());
    private final ReadOnlyObjectWrapper<AttributionRow> selectedRow = new ReadOnlyObjectWrapper<>(this,
            "selectedRow");
    private final Label message = new Label();
    private final ColumnFit<AttributionRow> columns = new ColumnFit<>(table);
    /** Below this width the time column leaves out the year. */
    private static final double NARROW_TABLE = 720;
    private boolean narrowTime;
    private Consumer<String> notifier;
    private TagPrompt tagPrompt = context -> TagDialog.prompt(window()).ask(context);
    private SplitPrompt splitPrompt = row -> SplitDialog.prompt(window()).ask(row);
    private FaultRolePrompt faultRolePrompt = context -> FaultRoleDialog.prompt(window()).ask(context);
    private Consumer<Source> onOpenLine = s -> { };

    public AttributionTablePanel(AttributionRows rows) {
        this.rows = rows;
        setTop(filterBar());
        setCenter(table());
        setBottom(actionBar());
        setNotifier(null);
    }

    public AttributionRows rows() {
        return rows;
    }

    /** The selected rows, in the table's order; empty when none. */
    public ReadOnlyObjectProperty<List<AttributionRow>> selectedRowsProperty() {
        return selectedRows.getReadOnlyProperty();
    }

    /** The row last selected (the table's focus), or null. */
    public ReadOnlyObjectProperty<AttributionRow> selectedRowProperty() {
        return selectedRow.getReadOnlyProperty();
    }

    /**
     * Selects and scrolls to the row at {@code timeUs} (the lost interval over it or the fault at it), else the next
     * one. When the filters hide the lost interval at that time, they are cleared first (see
     * {@link AttributionRows#reveal}); productive time keeps the filters and shows the next row.
     */
    public void reveal(long timeUs) {
        int i = rows.reveal(timeUs);
        if (i < 0) {
            return;
        }
        pick(i);
    }

    /**
     * Picks the root fault of the cascade picked (the derivation's link, or the one its role holds), clearing the
     * filters if they hide it. Does nothing for other rows.
     */
    public void goToRoot() {
        AttributionRow row = selectedRow.get();
        if (row == null || row.rootRef() == null) {
            return;
        }
        FaultRole.FaultRef root = row.rootRef();
        int i = indexOfFault(root);
        if (i < 0 && rows.filtering()) {
            rows.clearFilters();
            i = indexOfFault(root);
        }
        if (i < 0) {
            notifier.accept("The root fault (" + root.source() + ") is not in this window");
            return;
        }
        pick(i);
    }

    /** Picks the row of {@code fault} (a fault picked on the timeline), clearing the filters if they hide it. */
    public void revealFault(FaultEvent fault) {
        FaultRole.FaultRef ref = AttributionRow.refOf(fault);
        int i = indexOfFault(ref);
        if (i < 0 && rows.filtering()) {
            rows.clearFilters();
            i = indexOfFault(ref);
        }
        if (i >= 0) {
            pick(i);
        }
    }

    /** Opens the picked row's record at its line (the raw-line viewer); tells why not when it has none. */
    public void openPickedLine() {
        AttributionRow row = selectedRow.get();
        if (row == null) {
            return;
        }
        if (row.record() == null) {
            notifier.accept("This interval was derived, not read from a line: it has no raw line to open");
            return;
        }
        onOpenLine.accept(row.record());
    }

    /** What opens a record's raw line (the app's viewer); by default nothing. */
    public void setOnOpenLine(Consumer<Source> action) {
        this.onOpenLine = action == null ? s -> { } : action;
    }

    /** Selects and shows row {@code i}, with a little context above it. */
    private void pick(int i) {
        table.getSelectionModel().clearAndSelect(i);
        table.getFocusModel().focus(i);
        table.scrollTo(Math.max(0, i - 2));
    }

    private int indexOfFault(FaultRole.FaultRef ref) {
        for (int i = 0; i < table.getItems().size(); i++) {
            AttributionRow r = table.getItems().get(i);
            if (r.isFault() && r.faultRef().equals(ref)) {
                return i;
            }
        }
        return -1;
    }

    /** Where errors and status messages go (the window's status bar); null shows them in the panel. */
    public void setNotifier(Consumer<String> notifier) {
        this.notifier = notifier != null ? notifier : message::setText;
    }

    public void setTagPrompt(TagPrompt prompt) {
        this.tagPrompt = prompt;
    }

    public void setSplitPrompt(SplitPrompt prompt) {
        this.splitPrompt = prompt;
    }

    public void setFaultRolePrompt(FaultRolePrompt prompt) {
        this.faultRolePrompt = prompt;
    }

    // ---- the filter bar ----

    private FlowPane filterBar() {
        TextField search = new TextField();
        search.setId("attribution-search");
        search.setPromptText("Search cause, source, rule, message, note");
        search.setPrefColumnCount(16);
        search.textProperty().bindBidirectional(rows.searchProperty());

        ChoiceBox<Layer> layer = new ChoiceBox<>();
        layer.setId("attribution-layer-filter");
        layer.getItems().setAll(null, Layer.INFRA, Layer.FRAMEWORK);
        layer.setConverter(LayerNames.CONVERTER);
        layer.valueProperty().bindBidirectional(rows.layerFilterProperty());

        ComboBox<Cause> cause = causeFilter();

        CheckBox unattributed = new CheckBox("Unattributed only");
        unattributed.setId("attribution-unattributed-only");
        unattributed.selectedProperty().bindBidirectional(rows.unattributedOnlyProperty());

        TextField minDuration = minDurationField();

        HBox atLeast = new HBox(6, new Label("At least"), minDuration);
        atLeast.setAlignment(Pos.CENTER_LEFT);
        // Wraps in a narrow pane (the table sits beside the timeline) rather than cutting controls off.
        FlowPane bar = new FlowPane(8, 6, search, layer, cause, unattributed, atLeast);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 0, 4, 0));
        return bar;
    }

    private ComboBox<Cause> causeFilter() {
        ComboBox<Cause> cause = new ComboBox<>();
        cause.setId("attribution-cause-filter");
        // A fixed width: a combo box sized by its items grows once its list has been shown with long cause names,
        // and the filter bar would then wrap onto another row and take it from the table.
        cause.setPrefWidth(150);
        cause.setMinWidth(Region.USE_PREF_SIZE);
        cause.setConverter(new StringConverter<>() {
            @Override
            public String toString(Cause c) {
                return c == null ? "All causes" : c.label();
            }

            @Override
            public Cause fromString(String s) {
                return null;
            }
        });
        Runnable fill = () -> {
            String id = rows.causeFilterProperty().get();
            List<Cause> items = new ArrayList<>();
            items.add(null);
            items.addAll(rows.causesInRows());
            cause.getItems().setAll(items);
            cause.setValue(items.stream().filter(c -> c != null && c.id().equals(id)).findFirst().orElse(null));
        };
        fill.run();
        rows.causesInRows().addListener((ListChangeListener<Cause>) c -> fill.run());
        cause.valueProperty().addListener((o, was, now) -> rows.causeFilterProperty().set(now == null ? null : now.id()));
        rows.causeFilterProperty().addListener((o, was, now) -> {
            Cause shown = cause.getValue();
            if (now == null ? shown != null : shown == null || !shown.id().equals(now)) {
                fill.run();
            }
        });
        return cause;
    }

    private TextField minDurationField() {
        TextField field = new TextField();
        field.setId("attribution-min-duration");
        field.setPromptText("0 s");
        field.setPrefColumnCount(6);
        field.setTooltip(new Tooltip("Hide lost intervals shorter than this: 90 s, 5 min, 1.5 h"));
        field.textProperty().addListener((o, was, now) -> {
            Optional<Long> us = DurationText.parseMicros(now);
            field.pseudoClassStateChanged(INVALID, us.isEmpty());
            us.ifPresent(rows.minDurationUsProperty()::set);
        });
        rows.minDurationUsProperty().addListener((o, was, now) -> {
            if (now.longValue() == 0 && DurationText.parseMicros(field.getText()).orElse(-1L) != 0) {
                field.setText("");
            }
        });
        field.pseudoClassStateChanged(INVALID, false);
        field.getStyleClass().add(Styles.SMALL);
        return field;
    }

    // ---- the table ----

    private TableView<AttributionRow> table() {
        table.setId("attribution-table");
        table.getStyleClass().add(Styles.DENSE);
        table.setEditable(true);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        rows.rows().comparatorProperty().bind(table.comparatorProperty());
        table.setItems(rows.rows());
        Label placeholder = new Label();
        placeholder.textProperty().bind(rows.emptyTextProperty());
        table.setPlaceholder(placeholder);

        // The zone goes in the header, so the column shows whole times; a narrow table drops the year.
        TableColumn<AttributionRow, Long> time = new TableColumn<>("Time (UTC)");
        time.setCellValueFactory(c -> new SimpleObjectProperty<>(c.getValue().startUs()));
        time.setCellFactory(c -> textCell(this::timeShown, r -> narrowTime ? r.timeText() : ""));
        time.setEditable(false);

        TableColumn<AttributionRow, Long> duration = new TableColumn<>("Duration");
        duration.setCellValueFactory(c -> new SimpleObjectProperty<>(c.getValue().durationUs()));
        duration.setCellFactory(c -> textCell(AttributionTablePanel::durationShown));
        duration.setEditable(false);

        TableColumn<AttributionRow, String> cause = new TableColumn<>("Cause");
        cause.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().cause().label()));
        cause.setCellFactory(c -> new CauseCell(() -> rows.causeChoicesProperty().get()));
        cause.setOnEditCommit(e -> rows.causeChoicesProperty().get()
                .parse(e.getNewValue(), e.getRowValue().layer())
                .ifPresent(c -> run(() -> rows.setCause(e.getRowValue(), c))));

        TableColumn<AttributionRow, Layer> layer = new TableColumn<>("Layer");
        layer.setCellValueFactory(c -> new SimpleObjectProperty<>(c.getValue().layer()));
        layer.setCellFactory(c -> new ChoiceBoxTableCell<>(LayerNames.CONVERTER, Layer.INFRA, Layer.FRAMEWORK) {
            @Override
            public void startEdit() {
                if (getTableRow() != null && getTableRow().getItem() != null && !getTableRow().getItem().isFault()) {
                    super.startEdit();
                }
            }
        });
        layer.setOnEditCommit(e -> run(() -> rows.setLayer(e.getRowValue(), e.getNewValue())));

        TableColumn<AttributionRow, String> note = new TableColumn<>("Note");
        note.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().note()));
        note.setCellFactory(c -> new TextFieldTableCell<>(new javafx.util.converter.DefaultStringConverter()) {
            @Override
            public void startEdit() {
                AttributionRow r = getTableRow() == null ? null : getTableRow().getItem();
                // A fault's note goes with its role: no role, nothing to note on.
                if (r != null && (!r.isFault() || r.role() != null)) {
                    super.startEdit();
                }
            }

            @Override
            protected void layoutChildren() {
                super.layoutChildren();
                CutTooltip.follow(this);
            }
        });
        note.setOnEditCommit(e -> run(() -> rows.setNote(e.getRowValue(), e.getNewValue())));

        // The record's file name and line (the whole path in its tooltip); a fault's rule and root beside it.
        TableColumn<AttributionRow, String> source = new TableColumn<>("Source");
        source.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().sourceText()));
        source.setCellFactory(col -> textCell(AttributionRow::sourceText, AttributionRow::source));
        source.setEditable(false);

        TableColumn<AttributionRow, String> rule = readOnly("Rule", AttributionRow::ruleText);
        TableColumn<AttributionRow, String> root = readOnly("Root", AttributionRow::rootText);
        TableColumn<AttributionRow, String> message = readOnly("Message", AttributionRow::message);
        TableColumn<AttributionRow, String> assignedBy = readOnly("Assigned by", AttributionRow::assignedBy);
        TableColumn<AttributionRow, String> role = readOnly("Role", AttributionRow::roleText);
        table.getColumns().setAll(List.of(time, duration, cause, layer, source, rule, root, message, assignedBy,
                note, role));

        // Widths from the content (header and first rows), capped for long texts; the cause and the message take
        // what a wide table has to spare.
        columns.add(time, this::timeShown, 220, false);
        columns.add(duration, AttributionTablePanel::durationShown, 120, false);
        // Narrow, time, duration and cause fit whole (a longer cause is cut, with a tooltip); the layer and the
        // rest are a scroll away.
        columns.add(cause, r -> r.cause().label(), () -> narrowTime ? 220 : 260, true);
        columns.add(layer, r -> LayerNames.name(r.layer()), 120, false);
        columns.add(source, AttributionRow::sourceText, 240, false);
        columns.add(rule, AttributionRow::ruleText, 240, false);
        columns.add(root, AttributionRow::rootText, 320, false);
        columns.add(message, AttributionRow::message, 420, true);
        columns.add(assignedBy, AttributionRow::assignedBy, 160, false);
        columns.add(note, AttributionRow::note, 240, false);
        columns.add(role, AttributionRow::roleText, 200, false);
        table.widthProperty().addListener((o, was, now) -> {
            boolean narrow = now.doubleValue() < NARROW_TABLE;
            if (narrow != narrowTime) {
                narrowTime = narrow;
                table.refresh();
                columns.fit();
            }
        });
        // Once the theme has given the header and cells their fonts, and after every rebuild of the rows.
        table.skinProperty().addListener((o, was, now) -> Platform.runLater(columns::fit));
        rows.rebuiltProperty().addListener((o, was, now) -> columns.fit());

        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<AttributionRow>) c -> {
            selectedRows.set(table.getSelectionModel().getSelectedItems().stream()
                    .filter(java.util.Objects::nonNull).toList());
            if (!rows.isRebuilding() && !restoring) {
                picked.clear();
                selectedRows.get().forEach(r -> picked.add(RowKey.of(r)));
            }
        });
        // Any edit (here, an undo from the menu, a tag on the timeline, a rule) rebuilds the rows: the rows the
        // user had picked are picked again, by their start.
        rows.rebuiltProperty().addListener((obs, was, now) -> pickAgain());
        selectedRow.bind(table.getSelectionModel().selectedItemProperty());
        return table;
    }

    private static TableColumn<AttributionRow, String> readOnly(String title, Function<AttributionRow, String> text) {
        TableColumn<AttributionRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        c.setCellFactory(col -> textCell(text));
        c.setEditable(false);
        return c;
    }

    /** "2022-03-11 19:42:00", or "03-11 19:42:00" in a narrow table (the whole time in the tooltip). */
    private String timeShown(AttributionRow r) {
        String full = r.timeText().replace(" UTC", "");
        return narrowTime ? full.substring(full.indexOf('-') + 1) : full;
    }

    private static String durationShown(AttributionRow r) {
        return r.isFault() ? "fault" : r.durationText();
    }

    /** A cell showing a row's text, with the whole of it as a tooltip while the column is too narrow for it. */
    private static <T> TableCell<AttributionRow, T> textCell(Function<AttributionRow, String> text) {
        return textCell(text, r -> "");
    }

    /** A cell showing a row's text, with a tooltip of its own (when not empty; else the text, when cut). */
    private static <T> TableCell<AttributionRow, T> textCell(Function<AttributionRow, String> text,
                                                             Function<AttributionRow, String> tooltip) {
        return new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                AttributionRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
                setText(row == null ? null : text.apply(row));
                String tip = row == null ? "" : tooltip.apply(row);
                setTooltip(tip.isEmpty() ? null : new Tooltip(tip));
            }

            @Override
            protected void layoutChildren() {
                super.layoutChildren();
                CutTooltip.follow(this);
            }
        };
    }

    // ---- the action bar ----

    private Node actionBar() {
        Button tag = button("Tag selected…", "attribution-tag", this::tagSelected,
                when(() -> lostOf(selectedRows.get()).isEmpty()));
        Button split = button("Split…", "attribution-split", this::splitSelected,
                when(() -> selectedRows.get().size() != 1 || selectedRows.get().get(0).isFault()));
        Button merge = button("Merge", "attribution-merge", this::mergeSelected,
                when(() -> selectedRows.get().size() != 2 || lostOf(selectedRows.get()).size() != 2));
        Button role = button("Fault role…", "attribution-fault-role", this::faultRoleOfSelected,
                when(() -> selectedRows.get().size() != 1 || !selectedRows.get().get(0).isFault()));
        Button root = button("Go to root", "attribution-go-root", this::goToRoot,
                when(() -> selectedRows.get().size() != 1 || selectedRows.get().get(0).rootRef() == null));
        root.setTooltip(new Tooltip("Pick the fault this one is a cascade of"));
        Button line = button("Open raw line", "attribution-open-line", this::openPickedLine,
                when(() -> selectedRows.get().size() != 1 || selectedRows.get().get(0).record() == null));
        line.setTooltip(new Tooltip("Show the picked row's record in its file, with the lines around it "
                + "(Edit ▸ Open Raw Line)"));
        Label counts = new Label();
        counts.setId("attribution-counts");
        counts.textProperty().bind(rows.countsProperty());
        message.setId("attribution-message");
        message.getStyleClass().add(Styles.DANGER);
        FlowPane buttons = new FlowPane(8, 6, tag, split, merge, role, root, line, message);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox bar = new VBox(4, buttons, counts);
        bar.setPadding(new Insets(4, 0, 0, 0));
        return bar;
    }

    private BooleanBinding when(Supplier<Boolean> condition) {
        return Bindings.createBooleanBinding(condition::get, selectedRows);
    }

    private static Button button(String text, String id, Runnable action, BooleanBinding disabled) {
        Button b = new Button(text);
        b.setId(id);
        b.getStyleClass().add(Styles.SMALL);
        b.setMinWidth(Region.USE_PREF_SIZE); // a wrapped row, never a cut-off label
        b.setOnAction(e -> action.run());
        b.disableProperty().bind(disabled);
        return b;
    }

    private void tagSelected() {
        List<AttributionRow> chosen = lostOf(selectedRows.get());
        if (chosen.isEmpty()) {
            return;
        }
        AttributionRow first = chosen.get(0);
        boolean one = chosen.size() == 1;
        String title = one ? "Tag " + HumanFormat.clockRange(first.startUs(), first.endUs(), " → ")
                : "Tag " + chosen.size() + " intervals";
        // The cause they share, so re-tagging one row starts from what it is.
        Cause shared = chosen.stream().allMatch(r -> r.cause().equals(first.cause())) ? first.cause() : null;
        TagPromptContext context = new TagPromptContext(title, rows.causeChoicesProperty().get(), false, shared,
                one ? first.note() : "");
        tagPrompt.ask(context).ifPresent(request -> run(() -> rows.tag(chosen, request)));
    }

    private void splitSelected() {
        AttributionRow row = selectedRow.get();
        if (row == null || row.isFault()) {
            return;
        }
        splitPrompt.ask(row).ifPresent(text -> run(() -> rows.split(row, text)));
    }

    private void mergeSelected() {
        run(() -> rows.merge(selectedRows.get()));
    }

    private void faultRoleOfSelected() {
        AttributionRow fault = selectedRow.get();
        if (fault == null || !fault.isFault()) {
            return;
        }
        List<AttributionRow> others = rows.allRows().stream()
                .filter(r -> r.isFault() && !r.faultRef().equals(fault.faultRef())).toList();
        faultRolePrompt.ask(new FaultRoleContext(fault, others)).ifPresent(request -> run(() ->
                request.kind() == null ? rows.clearFaultRole(fault)
                        : rows.setFaultRole(fault, request.kind(), request.root(), request.note())));
    }

    /**
     * Runs a command, telling its error if it was refused. (After an edit the rows are rebuilt and the rows picked
     * are picked again by their start, e.g. the left half of a split: see {@link #pickAgain}.)
     */
    private void run(Supplier<Optional<String>> command) {
        Optional<String> error = command.get();
        if (error.isPresent()) {
            notifier.accept(error.get());
            return;
        }
        message.setText("");
    }

    private void pickAgain() {
        if (picked.isEmpty()) {
            return;
        }
        restoring = true;
        try {
            List<Integer> at = new ArrayList<>();
            if (rows.rows().getComparator() == null) {
                // Rows in time order: each found by its start (a search, not a pass over a million rows).
                picked.forEach(k -> at.addAll(rows.indicesOf(k.fault(), k.startUs())));
                Collections.sort(at);
            } else {
                // Sorted by a column: one pass over the rows, not one per picked row.
                for (int i = 0; i < table.getItems().size(); i++) {
                    if (picked.contains(RowKey.of(table.getItems().get(i)))) {
                        at.add(i);
                    }
                }
            }
            table.getSelectionModel().clearSelection();
            at.forEach(i -> table.getSelectionModel().select(i));
        } finally {
            restoring = false;
        }
        selectedRows.get().forEach(r -> picked.add(RowKey.of(r)));
    }

    private static List<AttributionRow> lostOf(List<AttributionRow> rows) {
        return rows.stream().filter(r -> !r.isFault()).toList();
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    /** A row across rebuilds: its kind and start. */
    /** The rows the user picked last, kept across rebuilds of the rows. */
    private final Set<RowKey> picked = new HashSet<>();
    private boolean restoring;

    private record RowKey(boolean fault, long startUs) {
        static RowKey of(AttributionRow r) {
            return new RowKey(r.isFault(), r.startUs());
        }
    }
}
