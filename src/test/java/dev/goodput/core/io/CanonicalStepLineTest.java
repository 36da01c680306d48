package dev.goodput.core.io;

import dev.goodput.core.model.Times;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which lines the fast path takes; what it makes of them is proved equal to the general path elsewhere. */
class CanonicalStepLineTest {
    private final CanonicalStepLine line = new CanonicalStepLine(ReadLimits.DEFAULTS.maxStringBytes());

    private boolean parse(String text) {
        byte[] b = (" " + text + " ").getBytes(StandardCharsets.UTF_8); // a slice, not the whole array
        return line.parse(b, 1, b.length - 1);
    }

    @Test
    void readsTheWritersStepLineInAnyFieldOrder() {
        assertTrue(parse("{\"event\":\"step\",\"step\":7,\"start\":\"2023-11-14T22:13:20Z\","
                + "\"end\":\"2023-11-14T22:13:26.037706Z\",\"tokens\":4194304}"));
        assertEquals(7, line.number());
        assertEquals(1_700_000_000_000_000L, line.startUs());
        assertEquals(1_700_000_006_037_706L, line.endUs());
        assertEquals(4_194_304, line.tokens());
        assertTrue(parse("{\"start\":\"2023-11-14T22:13:20.5Z\",\"step\":0,\"event\":\"step\"}"));
        assertEquals(Times.UNKNOWN, line.endUs());
        assertEquals(-1, line.tokens());
    }

    @Test
    void declinesEverythingElse() {
        String ok = "{\"event\":\"step\",\"step\":7,\"start\":\"2023-11-14T22:13:20Z\",\"end\":\"2023-11-14T22:13:26Z\"}";
        assertTrue(parse(ok));
        for (String miss : new String[] {ok.replace(":7", ":07"), ok.replace(":7", ":-7"), ok.replace(":7", ":7.0"),
                ok.replace(",", ", "), ok.replace("\"step\",", "\"STEP\","), ok.replace("}", ",\"rank\":1}"),
                ok.replace("26Z", "19Z"), ok.replace("T22", " 22"), ok.replace("20Z", "20+00:00"),
                ok.replace("-14T", "-31T").replace("-11-", "-02-"), ok.replace("\"step\":7", "\"step\":\"7\""),
                ok.replace("\"step\":7,", "\"step\":7,\"step\":8,"), ok.replace("\"start\"", "\"st\\u0061rt\""),
                ok.substring(0, ok.length() - 1), ok + " ", "{}", "{\"event\":\"step\"}",
                ok.replace(":7", ":1234567890123456789")}) {
            assertFalse(parse(miss), miss);
        }
    }
}
