package dev.goodput.app;

import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;

/**
 * What the Edit menu and the toolbar do to attributions: undo and redo (labelled with the edit, e.g. "Undo Tag as
 * Faulty GPU"), tag the range marked on the timeline, step through unattributed downtime, make a rule from the
 * interval picked in the table, open the picked row's raw line, and set a cause's colour (one undo step too).
 */
record EditCommands(Runnable undo, Runnable redo, ObservableBooleanValue canUndo, ObservableBooleanValue canRedo,
                    ObservableStringValue undoText, ObservableStringValue redoText, Runnable tagRange,
                    ObservableBooleanValue canTagRange, Runnable nextUnattributed, Runnable previousUnattributed,
                    ObservableBooleanValue hasRun, Runnable ruleFromRow, ObservableBooleanValue canRuleFromRow,
                    Runnable openLine, ObservableBooleanValue canOpenLine, CauseColourCommands colours,
                    javafx.beans.value.ObservableObjectValue<dev.goodput.chart.CauseKey> pickedCause) {
}
