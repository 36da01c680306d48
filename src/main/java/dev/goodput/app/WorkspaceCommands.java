package dev.goodput.app;

import javafx.beans.value.ObservableBooleanValue;

/** File menu commands on the workspace: close, save, save as, and sharing attributions with teammates. */
record WorkspaceCommands(Runnable close, Runnable save, Runnable saveAs, Runnable exportAttributions,
                         Runnable importAttributions, ObservableBooleanValue hasRun) {
}
