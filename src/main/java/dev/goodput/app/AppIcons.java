package dev.goodput.app;

import javafx.scene.image.Image;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;

/**
 * The application icon (a goodput waterfall) in the sizes window managers pick from. The PNGs are rendered from
 * {@code icons/goodput-workbench.svg} and put on the class path by the pom, so there is one copy of each in the repo.
 */
final class AppIcons {
    static final int[] SIZES = {16, 32, 64, 256};

    private AppIcons() {
    }

    /** Every size found; none is fatal (a window without an icon still works). */
    static List<Image> load() {
        List<Image> images = new ArrayList<>();
        for (int size : SIZES) {
            URL url = AppIcons.class.getResource(resource(size));
            if (url != null) {
                images.add(new Image(url.toExternalForm()));
            }
        }
        return images;
    }

    static String resource(int size) {
        return "icons/goodput-workbench-" + size + ".png";
    }
}
