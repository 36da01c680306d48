package dev.goodput.app;

import javafx.collections.ListChangeListener;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** File ▸ Open Recent: one item per remembered run, most recent first, and Clear Recent; follows {@link RecentFiles}. */
final class RecentFilesMenu {
    static final String CLEAR = "Clear Recent";
    static final String NONE = "No recent files";

    private RecentFilesMenu() {
    }

    static Menu of(RecentFiles recent, Consumer<List<Path>> open) {
        Menu menu = new Menu("Open Recent", new FontIcon(MaterialDesignH.HISTORY));
        menu.setId("open-recent");
        Runnable rebuild = () -> {
            menu.getItems().clear();
            for (List<Path> files : recent.entriesProperty()) {
                MenuItem item = new MenuItem(label(files));
                // File names often hold underscores, which would otherwise be read as mnemonics.
                item.setMnemonicParsing(false);
                item.setOnAction(e -> open.accept(files));
                menu.getItems().add(item);
            }
            if (menu.getItems().isEmpty()) {
                MenuItem none = new MenuItem(NONE);
                none.setDisable(true);
                menu.getItems().add(none);
            }
            MenuItem clear = new MenuItem(CLEAR);
            clear.setId("clear-recent");
            clear.setDisable(recent.entriesProperty().isEmpty());
            clear.setOnAction(e -> recent.clear());
            menu.getItems().addAll(new SeparatorMenuItem(), clear);
        };
        recent.entriesProperty().addListener((ListChangeListener<List<Path>>) change -> rebuild.run());
        rebuild.run();
        return menu;
    }

    /** "run.jsonl — /runs/clean-small": the names, then the folder of the first, so equal names stay apart. */
    static String label(List<Path> files) {
        Path folder = files.get(0).getParent();
        return FileNames.of(files) + (folder == null ? "" : "  —  " + folder);
    }
}
