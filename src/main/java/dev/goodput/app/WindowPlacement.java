package dev.goodput.app;

import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

import java.util.List;
import java.util.prefs.Preferences;

/**
 * Where the main window opens: where the user left it (position, size, maximised), kept per user; the first time,
 * maximised on a small screen (up to {@link #MAXIMISE_UP_TO_WIDTH} wide or {@link #MAXIMISE_UP_TO_HEIGHT} high,
 * e.g. a 1280×720 or 1440×900 laptop: the timeline and tables need every pixel), else most of the screen, centred,
 * so a large screen's room goes to the work while the desktop stays in reach.
 */
final class WindowPlacement {
    static final double MAXIMISE_UP_TO_WIDTH = 1440;
    static final double MAXIMISE_UP_TO_HEIGHT = 900;
    /** The share of a large screen's width and height the first window takes. */
    static final double SHARE = 0.9;
    /** A remembered size smaller than this is no size to go back to (a window squashed by mistake). */
    static final double MIN_WIDTH = 480;
    static final double MIN_HEIGHT = 300;

    private static final String NODE = "window";

    /** A remembered or first placement: bounds on screen, and whether maximised over them. */
    record Placement(double x, double y, double width, double height, boolean maximised) {
        /** The first placement on a screen whose usable area (the visual bounds) is {@code screen}. */
        static Placement first(Rectangle2D screen) {
            boolean small = screen.getWidth() <= MAXIMISE_UP_TO_WIDTH || screen.getHeight() <= MAXIMISE_UP_TO_HEIGHT;
            double w = small ? screen.getWidth() : Math.round(screen.getWidth() * SHARE);
            double h = small ? screen.getHeight() : Math.round(screen.getHeight() * SHARE);
            return new Placement(screen.getMinX() + (screen.getWidth() - w) / 2,
                    screen.getMinY() + (screen.getHeight() - h) / 2, w, h, small);
        }

        /** Whether enough of the window's title area lies on one of the screens to grab it (a screen unplugged). */
        boolean reachableOn(List<Rectangle2D> screens) {
            Rectangle2D title = new Rectangle2D(x, y, Math.max(1, width), 40);
            return screens.stream().anyMatch(s -> s.intersects(title));
        }
    }

    private final Preferences node;

    WindowPlacement(Preferences prefs) {
        this.node = prefs.node(NODE);
    }

    /** The remembered placement if it is still on a screen, else the first one for the primary screen. */
    Placement placement(Rectangle2D primary, List<Rectangle2D> screens) {
        double w = node.getDouble("width", -1);
        double h = node.getDouble("height", -1);
        if (w >= MIN_WIDTH && h >= MIN_HEIGHT) {
            Placement saved = new Placement(node.getDouble("x", 0), node.getDouble("y", 0), w, h,
                    node.getBoolean("maximised", false));
            if (saved.reachableOn(screens)) {
                return saved;
            }
        }
        return Placement.first(primary);
    }

    /** Where the window goes on this computer's screens. */
    Placement placement() {
        return placement(Screen.getPrimary().getVisualBounds(),
                Screen.getScreens().stream().map(Screen::getVisualBounds).toList());
    }

    /**
     * Puts the stage at {@code p} and remembers where the user leaves it while it shows {@code scene} (a stage
     * handed on to another window, as tests do, is that window's to remember).
     */
    void apply(Stage stage, Placement p, Scene scene) {
        stage.setX(p.x());
        stage.setY(p.y());
        stage.setWidth(p.width());
        stage.setHeight(p.height());
        stage.setMaximized(p.maximised());
        stage.maximizedProperty().addListener((obs, was, now) -> {
            if (stage.getScene() == scene) {
                node.putBoolean("maximised", now);
            }
        });
        // The bounds of the window when not maximised, so un-maximising later goes back to them.
        stage.xProperty().addListener((obs, was, now) -> remember(stage, scene));
        stage.yProperty().addListener((obs, was, now) -> remember(stage, scene));
        stage.widthProperty().addListener((obs, was, now) -> remember(stage, scene));
        stage.heightProperty().addListener((obs, was, now) -> remember(stage, scene));
    }

    private void remember(Stage stage, Scene scene) {
        if (stage.isMaximized() || !stage.isShowing() || stage.getScene() != scene) {
            return;
        }
        node.putDouble("x", stage.getX());
        node.putDouble("y", stage.getY());
        node.putDouble("width", stage.getWidth());
        node.putDouble("height", stage.getHeight());
    }
}
