package dev.goodput.app;

import dev.goodput.app.attribution.AttributionRow;
import dev.goodput.app.attribution.AttributionRows;
import dev.goodput.app.attribution.AttributionSession;
import dev.goodput.app.attribution.AttributionTablePanel;
import dev.goodput.app.attribution.RulesPanel;
import dev.goodput.app.attribution.RulesViewModel;
import dev.goodput.app.timeline.TimelineView;
import dev.goodput.core.derive.Interval;
import dev.goodput.core.model.Source;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

import java.util.function.Consumer;

/**
 * Beside the timeline: the attribution table (lost intervals and faults) and the rules, in two tabs. The table and
 * the timeline follow each other: a row picked shows its interval on the timeline, an interval or a fault clicked on
 * the timeline (or reached with F8) is picked in the table.
 */
final class AttributionPane {
    private final TabPane tabs;
    private final AttributionTablePanel table;
    private final Tab rulesTab;
    private final RulesPanel rules;
    private final BooleanBinding rowPicked;
    private final BooleanBinding linePicked;
    private boolean following;

    /** @param openLine opens a record's raw line (the viewer), for the table's rows */
    AttributionPane(AttributionSession session, WorkbenchPrompts prompts, Consumer<String> status,
                    TimelineView timeline, Consumer<Source> openLine) {
        table = new AttributionTablePanel(new AttributionRows(session));
        table.setNotifier(status);
        table.setOnOpenLine(openLine);
        table.setTagPrompt(prompts.tag());
        table.setSplitPrompt(prompts.split());
        table.setFaultRolePrompt(prompts.faultRole());
        rules = new RulesPanel(new RulesViewModel(session), prompts.rule());
        Tab intervalsTab = new Tab("Intervals", table);
        intervalsTab.setId("tab-intervals");
        rulesTab = new Tab("Rules", rules);
        rulesTab.setId("tab-rules");
        tabs = new TabPane(intervalsTab, rulesTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("attribution-tabs");

        rowPicked = Bindings.createBooleanBinding(() -> {
            AttributionRow row = table.selectedRowProperty().get();
            return row != null && !row.isFault();
        }, table.selectedRowProperty());
        linePicked = Bindings.createBooleanBinding(() -> {
            AttributionRow row = table.selectedRowProperty().get();
            return row != null && row.record() != null;
        }, table.selectedRowProperty());
        // A fault clicked on the timeline is picked in the table, so Edit ▸ Open Raw Line opens it.
        timeline.pickedFaultProperty().addListener((obs, was, f) -> {
            if (f != null) {
                follow(() -> table.revealFault(f));
            }
        });

        timeline.selectedProperty().addListener((obs, was, iv) -> {
            // Only a different interval: after an edit the timeline re-selects the same one, and the table keeps
            // its own (possibly multi-row) selection.
            if (iv != null && !iv.productive() && !picked(iv)) {
                follow(() -> table.reveal(iv.startUs()));
            }
        });
        table.selectedRowProperty().addListener((obs, was, row) -> {
            if (row != null) {
                follow(() -> show(timeline, row));
            }
        });
    }

    Node node() {
        return tabs;
    }

    /** True while an interval row (not a fault) is picked in the table. */
    ObservableBooleanValue intervalPickedProperty() {
        return rowPicked;
    }

    /** True while the row picked in the table was read from a line (a fault, an interval a record decided). */
    ObservableBooleanValue linePickedProperty() {
        return linePicked;
    }

    /** Edit ▸ Open Raw Line: the picked row's record in its file. */
    void openPickedLine() {
        table.openPickedLine();
    }

    /** Edit ▸ New Rule from Row: a rule pre-filled from the picked interval's record, in the Rules tab. */
    void newRuleFromPickedRow() {
        AttributionRow row = table.selectedRowProperty().get();
        if (row != null && !row.isFault()) {
            tabs.getSelectionModel().select(rulesTab);
            rules.newRuleFrom(row.piece());
        }
    }

    /** True when the table has a row picked that starts where {@code iv} does. */
    private boolean picked(Interval iv) {
        return table.selectedRowsProperty().get().stream().anyMatch(r -> r.startUs() == iv.startUs());
    }

    private static void show(TimelineView timeline, AttributionRow row) {
        Interval selected = timeline.selectedProperty().get();
        if (selected == null || selected.startUs() != row.startUs()) {
            timeline.reveal(row.startUs(), Math.max(row.endUs(), row.startUs() + 1));
        }
    }

    /** One side following the other must not bounce back. */
    private void follow(Runnable step) {
        if (!following) {
            following = true;
            try {
                step.run();
            } finally {
                following = false;
            }
        }
    }
}
