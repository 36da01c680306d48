package dev.goodput.app;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;

/**
 * Every key and gesture of the workbench, in one table: the menus take their accelerators from it and Help ▸
 * Keyboard Shortcuts lists it, so the two cannot disagree.
 */
final class KeyboardShortcuts {
    /**
     * One row: what it does, in which group, and its keys (the first is a menu item's accelerator, the others work
     * too), or a gesture with no key (a mouse action).
     */
    record Shortcut(String id, String group, String action, List<KeyCombination> keys, String gesture) {
        /** The keys as the platform writes them ("Ctrl+O", "⌘O"), or the gesture. */
        String keysText() {
            if (keys.isEmpty()) {
                return gesture;
            }
            return keys.stream().map(KeyCombination::getDisplayText).collect(Collectors.joining("  or  "));
        }
    }

    static final String FILE = "File";
    static final String EDIT = "Edit";
    static final String VIEW = "View";
    static final String TIMELINE = "Timeline (whenever no text field has the focus)";
    static final String HELP = "Help";

    private static final KeyCombination.Modifier CTRL = KeyCombination.SHORTCUT_DOWN;
    private static final KeyCombination.Modifier SHIFT = KeyCombination.SHIFT_DOWN;

    static final List<Shortcut> ALL = List.of(
            key("menu-open", FILE, "Open run logs or a workspace", new KeyCodeCombination(KeyCode.O, CTRL)),
            key("menu-reload", FILE, "Reload the files shown", new KeyCodeCombination(KeyCode.F5)),
            key("menu-save", FILE, "Save the workspace", new KeyCodeCombination(KeyCode.S, CTRL)),
            key("menu-save-as", FILE, "Save the workspace as…", new KeyCodeCombination(KeyCode.S, CTRL, SHIFT)),
            key("menu-close", FILE, "Close the run", new KeyCodeCombination(KeyCode.W, CTRL)),
            key("menu-export-waterfall", FILE, "Export the waterfall chart…", new KeyCodeCombination(KeyCode.E, CTRL)),
            key("menu-export-timeline", FILE, "Export the timeline chart…",
                    new KeyCodeCombination(KeyCode.E, CTRL, SHIFT)),
            key("menu-quit", FILE, "Quit", new KeyCodeCombination(KeyCode.Q, CTRL)),
            key("menu-undo", EDIT, "Undo", new KeyCodeCombination(KeyCode.Z, CTRL)),
            key("menu-redo", EDIT, "Redo", new KeyCodeCombination(KeyCode.Z, CTRL, SHIFT)),
            key("menu-tag-range", EDIT, "Tag the range marked on the timeline", new KeyCodeCombination(KeyCode.T, CTRL)),
            key("menu-next-unattributed", EDIT, "Next unattributed downtime", new KeyCodeCombination(KeyCode.F8)),
            key("menu-previous-unattributed", EDIT, "Previous unattributed downtime",
                    new KeyCodeCombination(KeyCode.F8, SHIFT)),
            key("menu-rule-from-row", EDIT, "New rule from the picked row",
                    new KeyCodeCombination(KeyCode.R, CTRL, SHIFT)),
            key("menu-open-line", EDIT, "Open the picked row's raw line", new KeyCodeCombination(KeyCode.L, CTRL)),
            key("menu-preferences", EDIT, "Preferences (read limits)", new KeyCodeCombination(KeyCode.COMMA, CTRL)),
            key("menu-zoom-in", VIEW, "Zoom in", new KeyCodeCombination(KeyCode.EQUALS, CTRL),
                    new KeyCodeCombination(KeyCode.PLUS, CTRL), new KeyCodeCombination(KeyCode.ADD, CTRL)),
            key("menu-zoom-out", VIEW, "Zoom out", new KeyCodeCombination(KeyCode.MINUS, CTRL),
                    new KeyCodeCombination(KeyCode.SUBTRACT, CTRL)),
            key("menu-fit", VIEW, "Fit the whole run", new KeyCodeCombination(KeyCode.DIGIT0, CTRL),
                    new KeyCodeCombination(KeyCode.NUMPAD0, CTRL)),
            key("menu-show-breakdown", VIEW, "Show or hide the waterfall, badput and problems",
                    new KeyCodeCombination(KeyCode.B, CTRL)),
            key("timeline-zoom-in", TIMELINE, "Zoom in", new KeyCodeCombination(KeyCode.W)),
            key("timeline-zoom-out", TIMELINE, "Zoom out", new KeyCodeCombination(KeyCode.S)),
            key("timeline-pan-back", TIMELINE, "Pan to the past", new KeyCodeCombination(KeyCode.A)),
            key("timeline-pan-forward", TIMELINE, "Pan to the future", new KeyCodeCombination(KeyCode.D)),
            key("timeline-fit", TIMELINE, "Fit the whole run", new KeyCodeCombination(KeyCode.F),
                    new KeyCodeCombination(KeyCode.DIGIT0)),
            key("timeline-open-fault", TIMELINE, "Open the picked fault's raw line",
                    new KeyCodeCombination(KeyCode.ENTER)),
            key("clear", TIMELINE, "Clear the highlight and the selection", new KeyCodeCombination(KeyCode.ESCAPE)),
            gesture("timeline-wheel", "Zoom about the pointer", "Mouse wheel"),
            gesture("timeline-drag", "Pan", "Drag"),
            gesture("timeline-double-click", "Zoom to the interval", "Double-click"),
            gesture("timeline-click-fault", "Pick a fault; double-click: its raw line", "Click a fault"),
            gesture("timeline-shift-drag", "Set the measurement window", "Shift+drag"),
            gesture("timeline-ctrl-drag", "Mark a range to tag", "Ctrl+drag"),
            gesture("timeline-overview", "Go to that time", "Click the overview"),
            key("menu-shortcuts", HELP, "Keyboard shortcuts", new KeyCodeCombination(KeyCode.F1)));

    private KeyboardShortcuts() {
    }

    /** The row for {@code id} (a menu item's id for menu commands). */
    static Shortcut get(String id) {
        return ALL.stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no shortcut " + id));
    }

    /** The first key of {@code id}'s row: its menu item's accelerator. */
    static KeyCombination accelerator(String id) {
        return get(id).keys().get(0);
    }

    /** The other keys of {@code id}'s row, which the window maps to the same command. */
    static List<KeyCombination> alternatives(String id) {
        List<KeyCombination> keys = get(id).keys();
        return keys.subList(Math.min(1, keys.size()), keys.size());
    }

    private static Shortcut key(String id, String group, String action, KeyCombination... keys) {
        return new Shortcut(id, group, action, List.of(keys), "");
    }

    private static Shortcut gesture(String id, String action, String gesture) {
        return new Shortcut(id, TIMELINE, action, List.of(), gesture);
    }
}
