package dev.goodput.app.attribution;

import dev.goodput.core.report.HumanFormat;
import javafx.scene.control.TextInputDialog;
import javafx.stage.Window;

/** Asks where to split a lost interval, offering its middle; the panel reads and checks the typed time. */
public final class SplitDialog {
    private static final long DAY_US = 86_400_000_000L;

    private SplitDialog() {
    }

    /** A prompt showing a dialog over {@code owner} (may be null). */
    public static SplitPrompt prompt(Window owner) {
        return row -> {
            TextInputDialog d = new TextInputDialog(offered(row));
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

    /**
     * The row's middle as it will be read back: a bare clock time means one on the row's first day, so a middle
     * on a later day (an interval over midnight) is offered with its date.
     */
    private static String offered(AttributionRow row) {
        long middle = row.startUs() + row.durationUs() / 2;
        return Math.floorDiv(middle, DAY_US) == Math.floorDiv(row.startUs(), DAY_US) ? ClockText.clock(middle)
                : HumanFormat.clock(middle);
    }
}
