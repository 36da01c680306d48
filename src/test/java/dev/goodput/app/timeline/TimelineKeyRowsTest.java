package dev.goodput.app.timeline;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The key's rows: entries flow left to right, and folded to a row budget the "+N more" toggle ends the last row. */
class TimelineKeyRowsTest {
    private static final double[] TEN_OF_40 = {40, 40, 40, 40, 40, 40, 40, 40, 40, 40};

    @Test
    void entriesThatFitNeedNoToggle() {
        KeyRows rows = KeyRows.fitted(TEN_OF_40, 500, 10, 2, 60);
        assertEquals(10, rows.shown());
        assertEquals(1, rows.rows());
        assertEquals(-1, rows.toggleX());
    }

    @Test
    void foldedRowsLeaveRoomForTheToggleOnTheLastRow() {
        // 100 px rows hold two 40 px entries (gap 10): ten entries need five rows; two rows hold three and the toggle.
        KeyRows rows = KeyRows.fitted(TEN_OF_40, 100, 10, 2, 40);
        assertEquals(3, rows.shown());
        assertEquals(2, rows.rows());
        assertEquals(1, rows.toggleRow());
        assertEquals(50, rows.toggleX());
        assertTrue(rows.toggleX() + 40 <= 100);
    }

    @Test
    void expandedShowsEveryEntryThenTheToggle() {
        KeyRows rows = KeyRows.all(TEN_OF_40, 100, 10, 40);
        assertEquals(10, rows.shown());
        assertEquals(6, rows.rows(), "five rows of entries, the toggle on a sixth");
        assertEquals(0, rows.toggleX());
    }
}
