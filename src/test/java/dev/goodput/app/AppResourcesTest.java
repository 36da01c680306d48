package dev.goodput.app;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.net.URL;

import javax.imageio.ImageIO;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the window loads from the class path: the icon in every size, the stylesheet, the filtered version. */
class AppResourcesTest {
    @Test
    void theIconIsOnTheClassPathInEverySize() throws Exception {
        for (int size : AppIcons.SIZES) {
            URL url = AppIcons.class.getResource(AppIcons.resource(size));
            assertNotNull(url, AppIcons.resource(size));
            try (InputStream in = url.openStream()) {
                BufferedImage image = ImageIO.read(in);
                assertEquals(size, image.getWidth());
                assertEquals(size, image.getHeight());
            }
        }
    }

    @Test
    void stylesheetAndVersion() {
        assertTrue(WorkbenchStyles.stylesheet().endsWith("dev/goodput/app/workbench.css"));
        assertTrue(AboutDialog.version().matches("\\d+\\.\\d+\\.\\d+.*"), AboutDialog.version());
    }
}
