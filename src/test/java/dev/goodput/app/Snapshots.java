package dev.goodput.app;

import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Pictures of the window at a step of a UI test, to look at as a user would: written only when the system property
 * {@code goodput.snapshots} names a folder ({@code ./mvnw -o test -Dtest=... -Dgoodput.snapshots=/tmp/shots}).
 */
final class Snapshots {
    static final String FOLDER = "goodput.snapshots";

    private Snapshots() {
    }

    /** Writes the window's scene to {@code name}.png in the snapshot folder, if one is named. */
    static void save(MainWindow window, String name) {
        String folder = System.getProperty(FOLDER);
        if (folder == null || folder.isBlank()) {
            return;
        }
        WritableImage image;
        try {
            image = WaitForAsyncUtils.asyncFx(() -> window.stage().getScene().snapshot(null)).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("could not take a snapshot of the window", e);
        }
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        try {
            Path dir = Files.createDirectories(Path.of(folder));
            ImageIO.write(out, "png", dir.resolve(name + ".png").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
