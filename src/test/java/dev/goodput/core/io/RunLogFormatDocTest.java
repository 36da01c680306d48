package dev.goodput.core.io;

import dev.goodput.core.derive.DerivationSettings;
import dev.goodput.core.derive.GoodputDeriver;
import dev.goodput.core.model.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The examples in docs/run-log-format.md must load, and its JSON Lines and CSV forms must agree. */
class RunLogFormatDocTest {
    @TempDir
    Path dir;

    @Test
    void documentedExamplesLoadAndAgree() throws Exception {
        String doc = Files.readString(Path.of("docs/run-log-format.md"));
        Path jsonl = dir.resolve("example.jsonl");
        Path csv = dir.resolve("example.csv");
        Files.writeString(jsonl, block(doc, "json"));
        Files.writeString(csv, block(doc, "csv"));
        Run a = new RunLoader(LoadMode.STRICT).load(List.of(jsonl));
        Run b = new RunLoader(LoadMode.STRICT).load(List.of(csv));
        assertTrue(a.problems().isEmpty(), a.problems().toString());
        assertTrue(b.problems().isEmpty(), b.problems().toString());
        assertEquals(a.metadata(), b.metadata());
        assertEquals(a.steps(), b.steps());
        assertEquals(a.faults().size(), b.faults().size());
        assertEquals(a.faults().get(0).cause(), b.faults().get(0).cause());
        assertEquals(a.faults().get(0).message(), b.faults().get(0).message());
        assertEquals(a.checkpoints().get(0).blockingUs(), b.checkpoints().get(0).blockingUs());
        assertEquals(GoodputDeriver.derive(a, DerivationSettings.defaults()).report().goodput(),
                GoodputDeriver.derive(b, DerivationSettings.defaults()).report().goodput());
    }

    private static String block(String doc, String lang) {
        Matcher m = Pattern.compile("```" + lang + "\\n(.*?)```", Pattern.DOTALL).matcher(doc);
        assertTrue(m.find(), "no ```" + lang + " block");
        return m.group(1);
    }
}
