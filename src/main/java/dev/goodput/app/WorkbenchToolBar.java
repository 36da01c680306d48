package dev.goodput.app;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignU;
import org.kordamp.ikonli.materialdesign2.MaterialDesignV;
import org.kordamp.ikonli.materialdesign2.MaterialDesignW;

/**
 * The most used commands as buttons: Open, Reload, Save, Undo, Redo, then the measurement window; on the right the
 * breakdown panel's and the theme's toggles and About.
 */
final class WorkbenchToolBar {
    private WorkbenchToolBar() {
    }

    /** @param windowBar the measurement window's editor, on the toolbar to leave the timeline the page's height */
    static ToolBar of(WorkbenchCommands commands, Node windowBar) {
        Button open = new Button("Open…", new FontIcon(MaterialDesignF.FOLDER_OPEN_OUTLINE));
        open.setId("tool-open");
        open.setTooltip(new Tooltip("Open one or more run logs as one run (Ctrl+O)"));
        open.setOnAction(e -> commands.openDialog().run());

        Button reload = new Button("Reload", new FontIcon(MaterialDesignR.RELOAD));
        reload.setId("tool-reload");
        reload.setTooltip(new Tooltip("Read the files shown again (F5)"));
        reload.setOnAction(e -> commands.reload().run());
        reload.disableProperty().bind(Bindings.not(commands.canReload()));

        Button save = new Button("Save", new FontIcon(MaterialDesignC.CONTENT_SAVE_OUTLINE));
        save.setId("tool-save");
        save.setTooltip(new Tooltip("Save the attributions and settings in a workspace file (Ctrl+S)"));
        save.setOnAction(e -> commands.workspace().save().run());
        save.disableProperty().bind(Bindings.not(commands.workspace().hasRun()));

        EditCommands edit = commands.edit();
        Button undo = new Button("", new FontIcon(MaterialDesignU.UNDO));
        undo.setId("tool-undo");
        undo.getStyleClass().add(Styles.BUTTON_ICON);
        undo.setOnAction(e -> edit.undo().run());
        undo.disableProperty().bind(Bindings.not(edit.canUndo()));
        Tooltip undoTip = new Tooltip();
        undoTip.textProperty().bind(Bindings.concat(edit.undoText(), " (Ctrl+Z)"));
        undo.setTooltip(undoTip);
        Button redo = new Button("", new FontIcon(MaterialDesignR.REDO));
        redo.setId("tool-redo");
        redo.getStyleClass().add(Styles.BUTTON_ICON);
        redo.setOnAction(e -> edit.redo().run());
        redo.disableProperty().bind(Bindings.not(edit.canRedo()));
        Tooltip redoTip = new Tooltip();
        redoTip.textProperty().bind(Bindings.concat(edit.redoText(), " (Ctrl+Shift+Z)"));
        redo.setTooltip(redoTip);

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

        ToggleButton breakdown = new ToggleButton("", new FontIcon(MaterialDesignV.VIEW_SPLIT_HORIZONTAL));
        breakdown.setId("tool-breakdown");
        breakdown.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        breakdown.selectedProperty().bindBidirectional(commands.view().breakdownShown());
        breakdown.setTooltip(new Tooltip("Show or hide the waterfall, badput and problems under the timeline ("
                + KeyboardShortcuts.accelerator("menu-show-breakdown").getDisplayText() + ")"));

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return new ToolBar(open, reload, save, new Separator(), undo, redo, new Separator(), windowBar, spacer,
                breakdown, dark, about);
    }
}
