package dev.goodput.app;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignW;

/** The most used commands as buttons: Open, Reload; on the right the theme toggle and About. */
final class WorkbenchToolBar {
    private WorkbenchToolBar() {
    }

    static ToolBar of(WorkbenchCommands commands) {
        Button open = new Button("Open…", new FontIcon(MaterialDesignF.FOLDER_OPEN_OUTLINE));
        open.setId("tool-open");
        open.setTooltip(new Tooltip("Open one or more run logs as one run (Ctrl+O)"));
        open.setOnAction(e -> commands.openDialog().run());

        Button reload = new Button("Reload", new FontIcon(MaterialDesignR.RELOAD));
        reload.setId("tool-reload");
        reload.setTooltip(new Tooltip("Read the files shown again (F5)"));
        reload.setOnAction(e -> commands.reload().run());
        reload.disableProperty().bind(Bindings.not(commands.canReload()));

        ToggleButton dark = new ToggleButton();
        dark.setId("tool-theme");
        dark.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        dark.setSelected(commands.theme().get() == Theme.DARK);
        dark.setOnAction(e -> commands.theme().set(dark.isSelected() ? Theme.DARK : Theme.LIGHT));
        Runnable showTheme = () -> {
            boolean isDark = commands.theme().get() == Theme.DARK;
            dark.setSelected(isDark);
            // The icon shows the theme a click switches to.
            dark.setGraphic(new FontIcon(isDark ? MaterialDesignW.WHITE_BALANCE_SUNNY : MaterialDesignW.WEATHER_NIGHT));
            dark.setTooltip(new Tooltip(isDark ? "Switch to the light theme" : "Switch to the dark theme"));
        };
        commands.theme().addListener((obs, was, now) -> showTheme.run());
        showTheme.run();

        Button about = new Button("", new FontIcon(MaterialDesignI.INFORMATION_OUTLINE));
        about.setId("tool-about");
        about.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        about.setTooltip(new Tooltip("About " + SummaryViewModel.APP_NAME));
        about.setOnAction(e -> commands.about().run());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return new ToolBar(open, reload, spacer, dark, about);
    }
}
