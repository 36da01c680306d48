package dev.goodput.app;

import javafx.scene.control.Alert;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;

/** Help ▸ About: what the workbench is, its version and licence, and the libraries it is built with. */
final class AboutDialog {
    static final String TEXT = """
            A desktop workbench for ML training post-mortems: where did the paid accelerator time of a training run go?

            Overall goodput = infra × framework × model goodput; every lost second is tied to a cause and a layer.

            Licence: Apache-2.0.
            Built with OpenJFX, AtlantaFX (MIT) and Ikonli (Apache-2.0).""";

    private AboutDialog() {
    }

    static void show(Window owner, List<Image> icons) {
        Alert about = new Alert(Alert.AlertType.INFORMATION);
        about.initOwner(owner);
        about.setTitle("About " + SummaryViewModel.APP_NAME);
        about.setHeaderText(SummaryViewModel.APP_NAME + " " + version());
        about.setContentText(TEXT);
        if (!icons.isEmpty()) {
            Image largest = icons.get(icons.size() - 1);
            ImageView view = new ImageView(largest);
            view.setFitWidth(64);
            view.setFitHeight(64);
            view.setSmooth(true);
            about.setGraphic(view);
            ((Stage) about.getDialogPane().getScene().getWindow()).getIcons().setAll(icons);
        }
        about.showAndWait();
    }

    /** The project's version, filled in by Maven; "(development build)" when run from unfiltered sources. */
    static String version() {
        try (InputStream in = AboutDialog.class.getResourceAsStream("about.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version", "");
                if (!v.isBlank() && !v.startsWith("${")) {
                    return v;
                }
            }
        } catch (IOException e) {
            // Fall through: a missing version is no reason to fail the dialog.
        }
        return "(development build)";
    }
}
