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
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

import java.util.Locale;

/** File (Open…, Open Recent, Reload, Export, Quit), View (light or dark theme) and Help (About). */
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
        Menu file = new Menu("_File", null, open, RecentFilesMenu.of(commands.recent(), commands.open()), reload,
                new SeparatorMenuItem(), ExportMenu.of(commands.export(), commands.canExport()),
                new SeparatorMenuItem(), quit);
        file.setId("menu-file");

        Menu view = new Menu("_View", null, themeItems(commands));
        view.setId("menu-view");

        MenuItem about = item("About " + SummaryViewModel.APP_NAME, "menu-about", commands.about());
        about.setGraphic(new FontIcon(MaterialDesignI.INFORMATION_OUTLINE));
        Menu help = new Menu("_Help", null, about);
        help.setId("menu-help");

        MenuBar bar = new MenuBar(file, view, help);
        // On macOS the menus belong in the screen's menu bar; elsewhere this does nothing.
        bar.setUseSystemMenuBar(true);
        return bar;
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
