package dev.goodput.app.attribution;

import atlantafx.base.theme.Styles;
import dev.goodput.core.model.Cause;
import dev.goodput.core.model.Layer;
import javafx.css.PseudoClass;
import javafx.event.ActionEvent;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Popup;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a cause is typed: a text field that, as the user types, lists the matching {@link CauseChoices} under
 * itself (the run's own causes first, see {@link CauseChoices#matching}), each with its layer. Down opens the list
 * or moves down it, Up moves up, Enter or Tab takes the pick, Escape closes the list, a click takes an entry. Any
 * other text is allowed and becomes a new cause. The field keeps the focus, so typing always reaches it.
 */
public final class CauseField extends TextField {
    private static final int VISIBLE_ROWS = 10;
    private static final double ROW_HEIGHT = 26;

    private CauseChoices choices;
    private final ListView<CauseSuggestion> list = new ListView<>();
    private final Popup popup = new Popup();
    private boolean quiet;
    private boolean actOnPick;

    public CauseField(CauseChoices choices) {
        setChoices(choices);
        getStyleClass().add("cause-field");
        list.setId("cause-suggestions");
        list.getStyleClass().add(Styles.DENSE);
        // Not focusable: the field keeps the focus and steers the list with its keys. Styled as focused all the
        // same, so the theme marks the pick as plainly as in a list the user is in.
        list.setFocusTraversable(false);
        list.pseudoClassStateChanged(PseudoClass.getPseudoClass("focused"), true);
        list.setFixedCellSize(ROW_HEIGHT);
        list.setCellFactory(l -> new SuggestionCell());
        list.setOnMouseClicked(e -> {
            CauseSuggestion s = list.getSelectionModel().getSelectedItem();
            if (s != null) {
                takeAndAct(s);
            }
        });
        popup.getContent().add(list);
        popup.setAutoHide(true);
        popup.setHideOnEscape(false); // Escape is the field's: it closes the list, and only then the dialog
        textProperty().addListener((o, was, now) -> {
            if (!quiet && isFocused()) {
                showMatches();
            }
        });
        focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                popup.hide();
                known().filter(c -> !c.label().equals(getText().strip())).ifPresent(c -> setQuietly(c.label()));
            }
        });
        addEventFilter(KeyEvent.KEY_PRESSED, this::steer);
    }

    public void setChoices(CauseChoices choices) {
        this.choices = Objects.requireNonNull(choices);
    }

    public CauseChoices choices() {
        return choices;
    }

    /** Whether taking a pick with Enter also fires the field's action (an edit in a table cell commits at once). */
    public void setActOnPick(boolean act) {
        this.actOnPick = act;
    }

    /** The known cause the text names (an id or a label), if it names one. */
    public Optional<Cause> known() {
        return choices.known(getText());
    }

    /** The text as a cause: a known one, else a new one in {@code layerForNew}; empty for a blank text. */
    public Optional<Cause> cause(Layer layerForNew) {
        return choices.parse(getText(), layerForNew);
    }

    /** True while the list of matches is shown. */
    public boolean isListShowing() {
        return popup.isShowing();
    }

    /** The entries listed now (while shown), the pick selected. */
    public ListView<CauseSuggestion> suggestions() {
        return list;
    }

    /** Lists the causes matching the text under the field, the first picked; hides the list when none match. */
    public void showMatches() {
        List<CauseSuggestion> found = choices.matching(getText());
        if (found.isEmpty() || getScene() == null || getScene().getWindow() == null) {
            popup.hide();
            return;
        }
        list.getItems().setAll(found);
        list.getSelectionModel().select(0);
        list.scrollTo(0);
        list.setPrefHeight(Math.min(found.size(), VISIBLE_ROWS) * ROW_HEIGHT + 4);
        list.setPrefWidth(Math.max(getWidth(), 380));
        Bounds b = localToScreen(getBoundsInLocal());
        if (b != null && !popup.isShowing()) {
            popup.show(this, b.getMinX(), b.getMaxY());
        }
    }

    private void steer(KeyEvent e) {
        switch (e.getCode()) {
            case DOWN -> {
                if (popup.isShowing()) {
                    move(1);
                } else {
                    showMatches();
                }
                e.consume();
            }
            case UP -> {
                if (popup.isShowing()) {
                    move(-1);
                    e.consume();
                }
            }
            case ENTER, TAB -> {
                CauseSuggestion pick = popup.isShowing() ? list.getSelectionModel().getSelectedItem() : null;
                if (pick == null) {
                    return;
                }
                // Enter takes the pick only (a dialog stays open to check it), unless the field acts on it;
                // Tab takes it and goes on to the next field.
                if (e.getCode() == KeyCode.ENTER) {
                    e.consume();
                    takeAndAct(pick);
                } else {
                    take(pick);
                }
            }
            case ESCAPE -> {
                if (popup.isShowing()) {
                    popup.hide();
                    e.consume();
                }
            }
            default -> {
            }
        }
    }

    private void move(int by) {
        int n = list.getItems().size();
        int i = Math.floorMod(list.getSelectionModel().getSelectedIndex() + by, n);
        list.getSelectionModel().select(i);
        list.scrollTo(Math.max(0, i - VISIBLE_ROWS / 2));
    }

    private void takeAndAct(CauseSuggestion s) {
        take(s);
        if (actOnPick) {
            fireEvent(new ActionEvent());
        }
    }

    private void take(CauseSuggestion s) {
        setQuietly(s.cause().label());
        end();
        popup.hide();
    }

    private void setQuietly(String text) {
        quiet = true;
        try {
            setText(text);
        } finally {
            quiet = false;
        }
    }

    /** An entry: the cause's label, and its layer (and time in this run) muted on the right. */
    private static final class SuggestionCell extends ListCell<CauseSuggestion> {
        private final Label label = new Label();
        private final Label detail = new Label();
        private final HBox box;

        SuggestionCell() {
            detail.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            detail.setMinWidth(Region.USE_PREF_SIZE);
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            box = new HBox(12, label, gap, detail);
            box.setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(CauseSuggestion item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            label.setText(item.cause().label());
            detail.setText(item.detail());
            pseudoClassStateChanged(IN_RUN, item.inRun());
            setGraphic(box);
        }

        private static final javafx.css.PseudoClass IN_RUN = javafx.css.PseudoClass.getPseudoClass("in-run");
    }
}
