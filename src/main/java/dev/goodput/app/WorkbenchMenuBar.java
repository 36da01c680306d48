package dev.goodput.app;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;
import org.kordamp.ikonli.materialdesign2.MaterialDesignU;

import java.util.Locale;

/**
 * File (Open…, Open Recent, Reload, Save Workspace, Save As, Close, Import and Export Attributions, Export, Quit),
 * Edit (Undo, Redo, Tag Marked Range, Next and Previous Unattributed, New Rule from Picked Row, Open Raw Line), View
 * (light or dark theme), Help (About).
 */
final class WorkbenchMenuBar {
    private WorkbenchMenuBar() {
    }

    static MenuBar of(WorkbenchCommands commands) {
        MenuItem open = item("Open…", "menu-open", commands.openDialog());
        open.setGraphic(new FontIcon(MaterialDesignF.FOLDER_OPEN_OUTLINE));
        open.setAccelerator(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
        MenuItem reload = item("Reload", "menu-reload", commands.reload());
        reload.setGraphic(new FontIcon(MaterialDesignR.RELOAD));
        reload.setAccelerator(new KeyCodeCombination(KeyCode.F5));
        reload.disableProperty().bind(Bindings.not(commands.canReload()));
        MenuItem quit = item("Quit", "menu-quit", commands.quit());
        quit.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        WorkspaceCommands ws = commands.workspace();
        MenuItem save = item("Save Workspace", "menu-save", ws.save());
        save.setGraphic(new FontIcon(MaterialDesignC.CONTENT_SAVE_OUTLINE));
        save.setAccelerator(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN));
        MenuItem saveAs = item("Save Workspace As…", "menu-save-as", ws.saveAs());
        saveAs.setAccelerator(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN));
        MenuItem importAttributions = item("Import Attributions…", "menu-import-attributions",
                ws.importAttributions());
        MenuItem exportAttributions = item("Export Attributions…", "menu-export-attributions",
                ws.exportAttributions());
        MenuItem close = item("Close", "menu-close", ws.close());
        close.setAccelerator(new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN));
        for (MenuItem needsRun : new MenuItem[]{save, saveAs, importAttributions, exportAttributions, close}) {
            needsRun.disableProperty().bind(Bindings.not(ws.hasRun()));
        }
        Menu file = new Menu("_File", null, open, RecentFilesMenu.of(commands.recent(), commands.open()), reload,
                new SeparatorMenuItem(), save, saveAs, close,
                new SeparatorMenuItem(), importAttributions, exportAttributions,
                new SeparatorMenuItem(), ExportMenu.of(commands.export(), commands.canExport()),
                new SeparatorMenuItem(), quit);
        file.setId("menu-file");

        Menu edit = editMenu(commands.edit());

        Menu view = new Menu("_View", null, themeItems(commands));
        view.setId("menu-view");

        MenuItem about = item("About " + SummaryViewModel.APP_NAME, "menu-about", commands.about());
        about.setGraphic(new FontIcon(MaterialDesignI.INFORMATION_OUTLINE));
        Menu help = new Menu("_Help", null, about);
        help.setId("menu-help");

        MenuBar bar = new MenuBar(file, edit, view, help);
        // On macOS the menus belong in the screen's menu bar; elsewhere this does nothing.
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private static Menu editMenu(EditCommands e) {
        MenuItem undo = item("Undo", "menu-undo", e.undo());
        undo.textProperty().bind(e.undoText());
        undo.setGraphic(new FontIcon(MaterialDesignU.UNDO));
        undo.setAccelerator(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN));
        undo.disableProperty().bind(Bindings.not(e.canUndo()));
        MenuItem redo = item("Redo", "menu-redo", e.redo());
        redo.textProperty().bind(e.redoText());
        redo.setGraphic(new FontIcon(MaterialDesignR.REDO));
        redo.setAccelerator(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN));
        redo.disableProperty().bind(Bindings.not(e.canRedo()));
        MenuItem tagRange = item("Tag Marked Range…", "menu-tag-range", e.tagRange());
        tagRange.setGraphic(new FontIcon(MaterialDesignT.TAG_OUTLINE));
        tagRange.setAccelerator(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN));
        tagRange.disableProperty().bind(Bindings.not(e.canTagRange()));
        MenuItem next = item("Next Unattributed", "menu-next-unattributed", e.nextUnattributed());
        next.setAccelerator(new KeyCodeCombination(KeyCode.F8));
        next.disableProperty().bind(Bindings.not(e.hasRun()));
        MenuItem previous = item("Previous Unattributed", "menu-previous-unattributed", e.previousUnattributed());
        previous.setAccelerator(new KeyCodeCombination(KeyCode.F8, KeyCombination.SHIFT_DOWN));
        previous.disableProperty().bind(Bindings.not(e.hasRun()));
        MenuItem rule = item("New Rule from Picked Row…", "menu-rule-from-row", e.ruleFromRow());
        rule.setAccelerator(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN));
        rule.disableProperty().bind(Bindings.not(e.canRuleFromRow()));
        MenuItem line = item("Open Raw Line", "menu-open-line", e.openLine());
        line.setAccelerator(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN));
        line.disableProperty().bind(Bindings.not(e.canOpenLine()));
        Menu edit = new Menu("_Edit", null, undo, redo, new SeparatorMenuItem(), tagRange, next, previous,
                new SeparatorMenuItem(), rule, line);
        edit.setId("menu-edit");
        return edit;
    }

    /** One radio item per theme, kept in step with the theme property both ways (the toolbar toggles it too). */
    private static MenuItem[] themeItems(WorkbenchCommands commands) {
        ToggleGroup group = new ToggleGroup();
        Theme[] themes = Theme.values();
        MenuItem[] items = new MenuItem[themes.length];
        for (int i = 0; i < themes.length; i++) {
            Theme theme = themes[i];
            RadioMenuItem item = new RadioMenuItem(theme.label() + " theme");
            item.setId("menu-theme-" + theme.name().toLowerCase(Locale.ROOT));
            item.setToggleGroup(group);
            item.setSelected(commands.theme().get() == theme);
            item.setOnAction(e -> commands.theme().set(theme));
            commands.theme().addListener((obs, was, now) -> item.setSelected(now == theme));
            items[i] = item;
        }
        return items;
    }

    private static MenuItem item(String text, String id, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setOnAction(e -> action.run());
        return item;
    }
}
