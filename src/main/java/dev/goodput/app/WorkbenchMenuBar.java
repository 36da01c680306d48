package dev.goodput.app;

import dev.goodput.app.timeline.TimelineLane;
import javafx.beans.binding.Bindings;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignK;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;
import org.kordamp.ikonli.materialdesign2.MaterialDesignU;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * File (Open…, Open Recent, Reload, Save Workspace, Save As, Close, Import and Export Attributions, Export, Quit),
 * Edit (Undo, Redo, Tag Marked Range, Next and Previous Unattributed, New Rule from Picked Row, Open Raw Line,
 * Preferences), View
 * (zoom, fit, the timeline's lanes and legend, the breakdown and Problems panels, Reset Layout, light or dark theme),
 * Help (Keyboard Shortcuts, About). The keys come from {@link KeyboardShortcuts}, the table the Help lists.
 */
final class WorkbenchMenuBar {
    private WorkbenchMenuBar() {
    }

    static MenuBar of(WorkbenchCommands commands) {
        MenuItem open = item("Open…", "menu-open", commands.openDialog());
        open.setGraphic(new FontIcon(MaterialDesignF.FOLDER_OPEN_OUTLINE));
        MenuItem reload = item("Reload", "menu-reload", commands.reload());
        reload.setGraphic(new FontIcon(MaterialDesignR.RELOAD));
        reload.disableProperty().bind(Bindings.not(commands.canReload()));
        MenuItem quit = item("Quit", "menu-quit", commands.quit());
        WorkspaceCommands ws = commands.workspace();
        MenuItem save = item("Save Workspace", "menu-save", ws.save());
        save.setGraphic(new FontIcon(MaterialDesignC.CONTENT_SAVE_OUTLINE));
        MenuItem saveAs = item("Save Workspace As…", "menu-save-as", ws.saveAs());
        MenuItem importAttributions = item("Import Attributions…", "menu-import-attributions",
                ws.importAttributions());
        MenuItem exportAttributions = item("Export Attributions…", "menu-export-attributions",
                ws.exportAttributions());
        MenuItem close = item("Close", "menu-close", ws.close());
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
        MenuItem preferences = item("Preferences…", "menu-preferences", commands.preferences());
        preferences.setGraphic(new FontIcon(MaterialDesignC.COG_OUTLINE));
        edit.getItems().addAll(new SeparatorMenuItem(), preferences);

        Menu view = viewMenu(commands);

        MenuItem about = item("About " + SummaryViewModel.APP_NAME, "menu-about", commands.about());
        about.setGraphic(new FontIcon(MaterialDesignI.INFORMATION_OUTLINE));
        MenuItem shortcuts = item("Keyboard Shortcuts", "menu-shortcuts", commands.view().shortcuts());
        shortcuts.setGraphic(new FontIcon(MaterialDesignK.KEYBOARD_OUTLINE));
        Menu help = new Menu("_Help", null, shortcuts, new SeparatorMenuItem(), about);
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
        undo.disableProperty().bind(Bindings.not(e.canUndo()));
        MenuItem redo = item("Redo", "menu-redo", e.redo());
        redo.textProperty().bind(e.redoText());
        redo.setGraphic(new FontIcon(MaterialDesignR.REDO));
        redo.disableProperty().bind(Bindings.not(e.canRedo()));
        MenuItem tagRange = item("Tag Marked Range…", "menu-tag-range", e.tagRange());
        tagRange.setGraphic(new FontIcon(MaterialDesignT.TAG_OUTLINE));
        tagRange.disableProperty().bind(Bindings.not(e.canTagRange()));
        MenuItem next = item("Next Unattributed", "menu-next-unattributed", e.nextUnattributed());
        next.disableProperty().bind(Bindings.not(e.hasRun()));
        MenuItem previous = item("Previous Unattributed", "menu-previous-unattributed", e.previousUnattributed());
        previous.disableProperty().bind(Bindings.not(e.hasRun()));
        MenuItem rule = item("New Rule from Picked Row…", "menu-rule-from-row", e.ruleFromRow());
        rule.disableProperty().bind(Bindings.not(e.canRuleFromRow()));
        MenuItem line = item("Open Raw Line", "menu-open-line", e.openLine());
        line.disableProperty().bind(Bindings.not(e.canOpenLine()));
        // The cause picked on the waterfall, the timeline or the table: its colour, for a presenter matching slides.
        MenuItem colour = item("Colour of Picked Cause…", "menu-cause-colour", () -> {
            if (e.pickedCause().get() != null) {
                e.colours().choose(e.pickedCause().get());
            }
        });
        colour.disableProperty().bind(Bindings.isNull(e.pickedCause()));
        Menu edit = new Menu("_Edit", null, undo, redo, new SeparatorMenuItem(), tagRange, next, previous,
                new SeparatorMenuItem(), rule, line, new SeparatorMenuItem(), colour);
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
        accelerate(item);
        return item;
    }

    /** The item's key from the one table of shortcuts, if it has one. */
    private static void accelerate(MenuItem item) {
        if (KeyboardShortcuts.ALL.stream().anyMatch(s -> s.id().equals(item.getId()))) {
            item.setAccelerator(KeyboardShortcuts.accelerator(item.getId()));
        }
    }

    private static Menu viewMenu(WorkbenchCommands commands) {
        ViewCommands v = commands.view();
        MenuItem zoomIn = item("Zoom In", "menu-zoom-in", v.zoomIn());
        zoomIn.setGraphic(new FontIcon(MaterialDesignM.MAGNIFY_PLUS_OUTLINE));
        MenuItem zoomOut = item("Zoom Out", "menu-zoom-out", v.zoomOut());
        zoomOut.setGraphic(new FontIcon(MaterialDesignM.MAGNIFY_MINUS_OUTLINE));
        MenuItem fit = item("Fit Whole Run", "menu-fit", v.fit());
        for (MenuItem needsRun : new MenuItem[]{zoomIn, zoomOut, fit}) {
            needsRun.disableProperty().bind(Bindings.not(v.hasRun()));
        }
        Menu lanes = new Menu("Lanes");
        lanes.setId("menu-lanes");
        for (TimelineLane lane : TimelineLane.values()) {
            CheckMenuItem item = new CheckMenuItem(lane.label());
            item.setId("menu-lane-" + lane.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            item.selectedProperty().bindBidirectional(v.laneVisible().apply(lane));
            lanes.getItems().add(item);
        }
        CheckMenuItem legend = check("Show Legend", "menu-show-legend", v.legendVisible());
        CheckMenuItem breakdown = check("Show Waterfall and Badput", "menu-show-breakdown", v.breakdownShown());
        CheckMenuItem problems = check("Show Problems", "menu-show-problems", v.problemsShown());
        problems.disableProperty().bind(Bindings.not(v.hasProblems()));
        MenuItem reset = item("Reset Layout", "menu-reset-layout", v.resetLayout());
        List<MenuItem> items = new ArrayList<>(List.of(zoomIn, zoomOut, fit, new SeparatorMenuItem(), lanes, legend,
                new SeparatorMenuItem(), breakdown, problems, reset, new SeparatorMenuItem()));
        items.addAll(List.of(themeItems(commands)));
        Menu view = new Menu("_View", null, items.toArray(MenuItem[]::new));
        view.setId("menu-view");
        return view;
    }

    private static CheckMenuItem check(String text, String id, javafx.beans.property.BooleanProperty shown) {
        CheckMenuItem item = new CheckMenuItem(text);
        item.setId(id);
        item.selectedProperty().bindBidirectional(shown);
        accelerate(item);
        return item;
    }
}
