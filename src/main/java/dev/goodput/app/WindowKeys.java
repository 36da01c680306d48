package dev.goodput.app;

import dev.goodput.app.timeline.TimelineView;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

import java.util.Set;

/**
 * The timeline's keys for the whole window: W/S/A/D/F/0/Enter go to the timeline and Escape clears the highlight and
 * the selection wherever the focus is (the attribution table, a button), unless a text input has it, where the keys
 * type. The timeline's keys by a handler, not a filter: a control that uses a key itself (the table's Enter) keeps
 * it.
 */
final class WindowKeys {
    private static final Set<KeyCode> TIMELINE_KEYS = Set.of(KeyCode.W, KeyCode.S, KeyCode.A, KeyCode.D, KeyCode.F,
            KeyCode.DIGIT0, KeyCode.ENTER);

    private WindowKeys() {
    }

    /** @param clear what Escape does: clear the highlight and the timeline's selection */
    static void install(Scene scene, TimelineView timeline, Runnable clear) {
        scene.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (plain(e) && !typingIn(scene.getFocusOwner()) && TIMELINE_KEYS.contains(e.getCode())) {
                timeline.handleKey(e);
            }
        });
        // Escape before the controls see it: a table would take it to cancel an edit that is not there. Only an
        // edit or an open list uses it first.
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && plain(e) && !usesEscape(scene.getFocusOwner())) {
                clear.run();
            }
        });
    }

    private static boolean plain(KeyEvent e) {
        return !e.isShortcutDown() && !e.isAltDown() && !e.isMetaDown() && !e.isShiftDown();
    }

    /** Whether Escape means something where the focus is: typing (it cancels), an open list (it closes). */
    private static boolean usesEscape(Node focus) {
        if (typingIn(focus)) {
            return true;
        }
        if (focus instanceof ComboBoxBase && ((ComboBoxBase<?>) focus).isShowing()) {
            return true;
        }
        return focus instanceof TableView && ((TableView<?>) focus).getEditingCell() != null;
    }

    /** Whether the focus is in something keys type into: a text field, an editable combo box's or a cell's editor. */
    static boolean typingIn(Node focus) {
        return focus instanceof TextInputControl && ((TextInputControl) focus).isEditable();
    }
}
