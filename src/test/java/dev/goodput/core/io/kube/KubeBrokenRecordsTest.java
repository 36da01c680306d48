package dev.goodput.core.io.kube;

import dev.goodput.core.io.InputException;
import dev.goodput.core.io.LoadMode;
import dev.goodput.core.io.logs.FileEvents;
import dev.goodput.core.io.logs.TrainerEvent;
import dev.goodput.core.model.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A record that cannot be read is one clear error naming its file, the line its object starts on and what was
 * expected (strict); lenient, a warning, and the other records are kept.
 */
class KubeBrokenRecordsTest {
    @TempDir
    Path dir;

    static final String GOOD_EVENT = """
            {
                "apiVersion": "v1",
                "count": 1,
                "firstTimestamp": "2024-05-01T12:00:07Z",
                "involvedObject": {"kind": "Pod", "name": "w0", "namespace": "ml"},
                "kind": "Event",
                "lastTimestamp": "2024-05-01T12:00:07Z",
                "message": "Pulling image \\"x\\"",
                "metadata": {"name": "w0.1", "uid": "u1"},
                "reason": "Pulling"
            }""";

    private Path list(String... items) throws Exception {
        return Files.writeString(Files.createTempFile(dir, "events", ".json"), "{\n\"apiVersion\": \"v1\",\n"
                + "\"items\": [\n" + String.join(",\n", items) + "\n],\n\"kind\": \"List\"\n}\n");
    }

    /** An event (on line 15 of the file) with a broken field, beside a good one. */
    private static String event(String fields) {
        return "{\n\"apiVersion\": \"v1\",\n\"involvedObject\": {\"kind\": \"Pod\", \"name\": \"w1\"},\n"
                + "\"kind\": \"Event\",\n\"reason\": \"Started\",\n" + fields + "\n}";
    }

    private void assertBroken(String expected, String brokenItem) throws Exception {
        Path f = list(GOOD_EVENT, brokenItem);
        InputException e = assertThrows(InputException.class, () -> KubeRecordsTest.read(LoadMode.STRICT, f));
        assertEquals(f + ":" + expected, e.getMessage());

        FileEvents lenient = KubeRecordsTest.read(LoadMode.LENIENT, f);
        assertEquals(1, lenient.events().size()); // the good event
        assertEquals(List.of(Problem.warning(e.source(), e.detail() + "; record skipped")), lenient.problems());
    }

    @Test
    void eventWithoutTimes() throws Exception {
        assertBroken("15: expected a time in the Event (\"eventTime\", \"firstTimestamp\" or \"lastTimestamp\")",
                event("\"firstTimestamp\": null, \"eventTime\": null"));
    }

    @Test
    void unparseableTime() throws Exception {
        assertBroken("15: expected an RFC 3339 time (2023-07-11T04:43:25Z) for \"lastTimestamp\", found "
                + "\"2024-05-01 12:00:07\"", event("\"lastTimestamp\": \"2024-05-01 12:00:07\""));
    }

    @Test
    void wrongTypes() throws Exception {
        assertBroken("15: expected \"count\" to be a whole number, found \"five\"",
                event("\"firstTimestamp\": \"2024-05-01T12:00:07Z\", \"count\": \"five\""));
        assertBroken("15: expected \"message\" to be a string, found an object",
                event("\"firstTimestamp\": \"2024-05-01T12:00:07Z\", \"message\": {\"text\": \"x\"}"));
        assertBroken("15: expected an \"involvedObject\" (or \"regarding\") object in the Event",
                "{\n\"kind\": \"Event\",\n\"reason\": \"Started\"\n}");
    }

    private static String pod(String status, String limits) {
        return "{\n\"apiVersion\": \"v1\",\n\"kind\": \"Pod\",\n\"metadata\": {\"name\": \"w1\", \"creationTimestamp\": "
                + "\"2024-05-01T12:00:00Z\"},\n\"spec\": {\"containers\": [{\"name\": \"pytorch\", \"resources\": "
                + "{\"limits\": {" + limits + "}}}]},\n\"status\": {\"phase\": \"Running\", \"containerStatuses\": "
                + "[{\"name\": \"pytorch\", \"restartCount\": 0, \"state\": " + status + "}]}\n}";
    }

    @Test
    void brokenPods() throws Exception {
        assertBroken("15: expected \"metadata.creationTimestamp\" in the Pod w1",
                pod("{}", "").replace("\"creationTimestamp\": \"2024-05-01T12:00:00Z\"", "\"uid\": \"x\""));
        assertBroken("15: expected \"finishedAt\" in the terminated state of pod w1",
                pod("{\"terminated\": {\"exitCode\": 1, \"startedAt\": \"2024-05-01T12:03:00Z\"}}", ""));
        assertBroken("15: expected a whole number of \"nvidia.com/gpu\", found \"500m\"",
                pod("{}", "\"nvidia.com/gpu\": \"500m\""));
        assertBroken("15: expected a \"spec\" object in the Pod w1",
                "{\n\"apiVersion\": \"v1\",\n\"kind\": \"Pod\",\n\"metadata\": {\"name\": \"w1\", \"creationTimestamp\": "
                        + "\"2024-05-01T12:00:00Z\"}\n}");
    }

    /** An export cut short (the copy stopped mid-object): strict refuses it; lenient keeps the objects before. */
    @Test
    void exportCutShort() throws Exception {
        String whole = Files.readString(list(GOOD_EVENT, GOOD_EVENT.replace("u1", "u2")));
        Path cut = Files.writeString(dir.resolve("cut.json"), whole.substring(0, whole.lastIndexOf("\"message\"")));
        InputException e = assertThrows(InputException.class, () -> KubeRecordsTest.read(LoadMode.STRICT, cut));
        assertEquals(cut + ":22: expected the rest of an object; the file ends inside it (cut short?)",
                e.getMessage());
        FileEvents lenient = KubeRecordsTest.read(LoadMode.LENIENT, cut);
        assertEquals(1, lenient.events().size());
        assertEquals(1, lenient.problems().size());
        assertTrue(lenient.problems().get(0).message().endsWith("; the 1 Pods and Events before it are kept"),
                lenient.problems().get(0).message());
    }

    /** Lenient with many bad records: ten are named, the rest counted. */
    @Test
    void manyBadRecordsAreCounted() throws Exception {
        String[] items = new String[13];
        items[0] = GOOD_EVENT;
        for (int i = 1; i < items.length; i++) {
            items[i] = event("\"count\": \"x\"");
        }
        FileEvents f = KubeRecordsTest.read(LoadMode.LENIENT, list(items));
        assertEquals(1, f.events().stream().filter(e -> e instanceof TrainerEvent.Marker).count());
        assertEquals(11, f.problems().size());
        assertEquals("12 records could not be read and were skipped (10 named above)", f.problems().get(10).message());
    }
}
