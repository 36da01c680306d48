package dev.goodput.app;

import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.prefs.Preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where the window first opens for the screen, and where it opens again. */
class WindowPlacementTest {
    private final Preferences prefs = TestPreferences.fresh();
    private static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1280, 690);
    private static final Rectangle2D DESKTOP = new Rectangle2D(0, 0, 1920, 1050);

    @AfterEach
    void drop() {
        TestPreferences.remove(prefs);
    }

    @Test
    void aSmallScreenIsUsedWhole() {
        WindowPlacement.Placement p = new WindowPlacement(prefs).placement(LAPTOP, List.of(LAPTOP));
        assertTrue(p.maximised());
        assertEquals(1280, p.width());
        assertEquals(690, p.height());
    }

    @Test
    void aLargeScreenIsUsedMostlyAndTheWindowCentred() {
        WindowPlacement.Placement p = new WindowPlacement(prefs).placement(DESKTOP, List.of(DESKTOP));
        assertFalse(p.maximised());
        assertEquals(1728, p.width());
        assertEquals(945, p.height());
        assertEquals((1920 - 1728) / 2.0, p.x());
    }

    @Test
    void whereTheUserLeftItComesBackUnlessThatScreenIsGone() {
        Preferences window = prefs.node("window");
        window.putDouble("x", 2100);
        window.putDouble("y", 40);
        window.putDouble("width", 1000);
        window.putDouble("height", 700);
        Rectangle2D second = new Rectangle2D(1920, 0, 1920, 1050);
        WindowPlacement placement = new WindowPlacement(prefs);

        assertEquals(new WindowPlacement.Placement(2100, 40, 1000, 700, false),
                placement.placement(DESKTOP, List.of(DESKTOP, second)));
        assertEquals(WindowPlacement.Placement.first(DESKTOP), placement.placement(DESKTOP, List.of(DESKTOP)));
    }
}
