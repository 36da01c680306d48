package dev.goodput.app.attribution;

import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;

/**
 * A cell's whole text as its tooltip while the cell shows it cut ("Blocking checkpoi…"), and no tooltip once it
 * fits. Called from a cell's layout, when the cut is known.
 */
final class CutTooltip {
    private static final String MARK = "cut-tooltip";

    private CutTooltip() {
    }

    /** Sets or clears the tooltip of {@code cell} after its layout; a tooltip of the cell's own is left alone. */
    static void follow(Labeled cell) {
        Tooltip own = cell.getTooltip();
        if (own != null && !own.getProperties().containsKey(MARK)) {
            return;
        }
        String text = cell.getText();
        if (text != null && !text.isEmpty() && cut(cell, text)) {
            if (own == null || !text.equals(own.getText())) {
                Tooltip tip = new Tooltip(text);
                tip.getProperties().put(MARK, true);
                cell.setTooltip(tip);
            }
        } else if (own != null) {
            cell.setTooltip(null);
        }
    }

    private static boolean cut(Labeled cell, String text) {
        for (Node child : cell.getChildrenUnmodifiable()) {
            if (child instanceof Text && !text.equals(((Text) child).getText())) {
                return true;
            }
        }
        return false;
    }
}
