package dev.goodput.app;

import dev.goodput.app.timeline.TimelineLane;
import javafx.beans.property.BooleanProperty;
import javafx.beans.value.ObservableBooleanValue;

import java.util.function.Function;

/**
 * What the View and Help menus do: zoom and fit the timeline, show or hide its lanes and legend, the breakdown under
 * it and the Problems panel, put the layout back, and list the keyboard shortcuts.
 */
record ViewCommands(Runnable zoomIn, Runnable zoomOut, Runnable fit, ObservableBooleanValue hasRun,
                    Function<TimelineLane, BooleanProperty> laneVisible, BooleanProperty legendVisible,
                    BooleanProperty breakdownShown, BooleanProperty problemsShown,
                    ObservableBooleanValue hasProblems, Runnable resetLayout, Runnable shortcuts) {
}
