package dev.goodput.app.attribution;

import dev.goodput.core.report.HumanFormat;
import javafx.scene.control.TextInputDialog;
import javafx.stage.Window;

/** Asks where to split a lost interval, offering its middle; the panel reads and checks the typed time. */
public final class SplitDialog {
    private SplitDialog() {
    }

    /** A prompt showing a dialog over {@code owner} (may be null). */
    public static SplitPrompt prompt(Window owner) {
        return row -> {
            TextInputDialog d = new TextInputDialog(ClockText.clock(row.startUs() + row.durationUs() / 2));
            if (owner != null) {
                d.initOwner(owner);
            }
            d.setTitle("Split interval");
            d.setHeaderText("Split " + HumanFormat.clockRange(row.startUs(), row.endUs(), " → ")
                    + "\ninto two intervals at (HH:mm:ss UTC, or yyyy-MM-dd HH:mm:ss):");
            d.getEditor().setId("split-time");
            return d.showAndWait();
        };
    }
}
