package dev.goodput.app.attribution;

import atlantafx.base.theme.Styles;
import dev.goodput.core.attribution.AttributedInterval;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.Objects;
import java.util.function.Function;

/**
 * The rules of the run's attributions: a table (enabled, name, what it matches, cause, layer, what it tags now)
 * and Add / Edit / Remove. Ticking a rule's box switches it, as one undo step; rules are added and edited through
 * a {@link RulePrompt}.
 */
public final class RulesPanel extends VBox {
    /** Style class of the enabled check box in each row. */
    public static final String ENABLED_TOGGLE = "rule-enabled-toggle";
    static final String EMPTY_TEXT = "No rules. A rule attributes every interval whose record matches a pattern — "
            + "now and in files loaded later.";

    private final RulesViewModel model;
    private final RulePrompt prompt;
    private final TableView<RulesViewModel.Row> table;
    /** The rule last selected, re-selected after the rows are rebuilt by an edit. */
    private String selectedId;

    /** A panel on {@code session}, asking for rules in a {@link RuleDialog} over this panel's window. */
    public RulesPanel(AttributionSession session) {
        this(new RulesViewModel(session), null);
    }

    /** @param prompt asks for a rule; null for a {@link RuleDialog} over this panel's window */
    public RulesPanel(RulesViewModel model, RulePrompt prompt) {
        this.model = Objects.requireNonNull(model);
        this.prompt = prompt != null ? prompt : RuleDialog.prompt(this::window);
        getStyleClass().add("rules-panel");
        setSpacing(6);
        setPadding(new Insets(6));

        table = new TableView<>(model.rows());
        table.setId("rules-table");
        table.getStyleClass().add(Styles.DENSE);
        table.getColumns().add(enabledColumn());
        table.getColumns().add(column("Name", RulesViewModel.Row::name, 160));
        table.getColumns().add(column("Matches", RulesViewModel.Row::matches, 280));
        table.getColumns().add(column("Cause", RulesViewModel.Row::cause, 170));
        table.getColumns().add(column("Layer", RulesViewModel.Row::layer, 85));
        table.getColumns().add(column("Tags", RulesViewModel.Row::tags, 150));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label empty = new Label(EMPTY_TEXT);
        empty.setWrapText(true);
        empty.setId("rules-empty");
        table.setPlaceholder(empty);
        table.setRowFactory(t -> {
            TableRow<RulesViewModel.Row> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    editSelected();
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
                removeSelected();
                e.consume();
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (now != null) { // a rebuild clears the selection first: keep what the user chose
                selectedId = now.id();
            }
        });
        model.rows().addListener((ListChangeListener<RulesViewModel.Row>) c -> reselect());
        VBox.setVgrow(table, Priority.ALWAYS);

        Button add = new Button("Add rule…");
        add.setId("rule-add");
        add.disableProperty().bind(model.loadedProperty().not());
        add.setOnAction(e -> addRule());
        Button edit = new Button("Edit…");
        edit.setId("rule-edit");
        edit.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        edit.setOnAction(e -> editSelected());
        Button remove = new Button("Remove");
        remove.setId("rule-remove");
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> removeSelected());
        HBox buttons = new HBox(6, add, edit, remove);
        getChildren().setAll(buttons, table);
    }

    /** Asks for a new rule and adds it. */
    public void addRule() {
        if (model.loadedProperty().get()) {
            prompt.ask(model.newRule()).ifPresent(r -> {
                selectedId = r.id();
                model.add(r);
            });
        }
    }

    /** Asks for a new rule matching intervals like {@code row} (e.g. the interval selected on the timeline). */
    public void newRuleFrom(AttributedInterval row) {
        if (model.loadedProperty().get()) {
            prompt.ask(model.newRuleFrom(row)).ifPresent(r -> {
                selectedId = r.id();
                model.add(r);
            });
        }
    }

    /** Asks for changes to the selected rule and applies them. */
    public void editSelected() {
        RulesViewModel.Row row = table.getSelectionModel().getSelectedItem();
        if (row != null) {
            prompt.ask(model.edit(row.id())).filter(r -> !r.equals(row.rule())).ifPresent(model::replace);
        }
    }

    public void removeSelected() {
        RulesViewModel.Row row = table.getSelectionModel().getSelectedItem();
        if (row != null) {
            model.remove(row.id());
        }
    }

    private void reselect() {
        for (int i = 0; i < model.rows().size(); i++) {
            if (model.rows().get(i).id().equals(selectedId)) {
                table.getSelectionModel().clearAndSelect(i);
                return;
            }
        }
        selectedId = null;
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    private TableColumn<RulesViewModel.Row, RulesViewModel.Row> enabledColumn() {
        TableColumn<RulesViewModel.Row, RulesViewModel.Row> c = new TableColumn<>("On");
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        c.setCellFactory(col -> new EnabledCell());
        c.setPrefWidth(45);
        c.setSortable(false);
        return c;
    }

    private static TableColumn<RulesViewModel.Row, String> column(String title,
                                                                  Function<RulesViewModel.Row, String> text,
                                                                  double width) {
        TableColumn<RulesViewModel.Row, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        c.setPrefWidth(width);
        // Sorting would show an order other than the one that decides which rule wins.
        c.setSortable(false);
        return c;
    }

    /** A check box switching its row's rule through the view model (one undo step per click). */
    private final class EnabledCell extends TableCell<RulesViewModel.Row, RulesViewModel.Row> {
        private final CheckBox box = new CheckBox();

        EnabledCell() {
            box.getStyleClass().add(ENABLED_TOGGLE);
            box.setOnAction(e -> {
                RulesViewModel.Row row = getItem();
                if (row != null) {
                    model.setEnabled(row.id(), box.isSelected());
                }
            });
        }

        @Override
        protected void updateItem(RulesViewModel.Row row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
            } else {
                box.setSelected(row.enabled());
                setGraphic(box);
            }
        }
    }
}
