package dev.goodput.app;

import dev.goodput.app.attribution.AttributionSession;
import javafx.scene.Node;
import javafx.scene.control.Label;

import java.util.function.Consumer;

/** STUB: the attribution table and the rules, in tabs beside the timeline. */
final class AttributionPane {
    private final Label node = new Label("Attributions");

    AttributionPane(AttributionSession session, WorkbenchPrompts prompts, Consumer<String> status) {
    }

    Node node() {
        return node;
    }

    void reveal(long timeUs) {
    }
}
