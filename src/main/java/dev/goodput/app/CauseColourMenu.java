package dev.goodput.app;

import dev.goodput.chart.CauseKey;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.SeparatorMenuItem;

/** A chart's context menu, with the cause under the pointer's colour items first (when there is one). */
final class CauseColourMenu {
    private CauseColourMenu() {
    }

    /** @param cause the cause right-clicked, or null (then the chart's menu as it is) */
    static ContextMenu of(ContextMenu chart, CauseKey cause, CauseColourCommands colours) {
        if (cause != null) {
            chart.getItems().add(0, new SeparatorMenuItem());
            chart.getItems().addAll(0, colours.menuItems(cause));
        }
        return chart;
    }
}
