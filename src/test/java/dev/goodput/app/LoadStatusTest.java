package dev.goodput.app;

import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoadStatusTest {
    @Test
    void followsTheTaskWhileLoadingAndSaysHowItEnded() {
        LoadStatus status = new LoadStatus();
        SimpleDoubleProperty progress = new SimpleDoubleProperty(-1);
        SimpleStringProperty stage = new SimpleStringProperty("Reading…");
        status.begin("run.jsonl", progress, stage);

        assertTrue(status.isLoading());
        assertEquals("run.jsonl", status.fileNameProperty().get());
        assertEquals("Reading…", status.stageProperty().get());
        assertEquals("", status.outcomeProperty().get());
        progress.set(0.5);
        stage.set("Deriving goodput…");
        assertEquals(0.5, status.progressProperty().get());
        assertEquals("Deriving goodput…", status.stageProperty().get());

        status.succeeded("run.jsonl", Duration.ofMillis(1234));
        stage.set("late update from a finished task");
        assertFalse(status.isLoading());
        assertEquals("", status.stageProperty().get());
        assertEquals(-1, status.progressProperty().get());
        assertEquals("Opened run.jsonl in 1.23 s", status.outcomeProperty().get());
    }

    @Test
    void cancelledAndFailed() {
        LoadStatus status = new LoadStatus();
        status.begin("big.jsonl", new SimpleDoubleProperty(-1), new SimpleStringProperty("Reading…"));
        status.cancelled();
        assertFalse(status.isLoading());
        assertEquals("Load cancelled", status.outcomeProperty().get());

        status.begin("bad.txt", new SimpleDoubleProperty(-1), new SimpleStringProperty("Reading…"));
        status.failed("bad.txt");
        assertEquals("Could not open bad.txt", status.outcomeProperty().get());

        status.begin("run.jsonl", new SimpleDoubleProperty(-1), new SimpleStringProperty("Reading…"));
        status.reloadFailed("run.jsonl");
        assertFalse(status.isLoading());
        assertEquals("Could not reload run.jsonl", status.outcomeProperty().get());
    }
}
