package dev.goodput.app.attribution;

import dev.goodput.core.model.Layer;
import javafx.util.StringConverter;

/** How the attribution panel names layers in its choosers and cells; null is "all layers" in a filter. */
final class LayerNames {
    static final StringConverter<Layer> CONVERTER = new StringConverter<>() {
        @Override
        public String toString(Layer l) {
            return name(l);
        }

        @Override
        public Layer fromString(String s) {
            return Layer.parse(s);
        }
    };

    private LayerNames() {
    }

    static String name(Layer l) {
        if (l == null) {
            return "All layers";
        }
        return switch (l) {
            case INFRA -> "Infra";
            case FRAMEWORK -> "Framework";
            case MODEL -> "Model";
        };
    }
}
