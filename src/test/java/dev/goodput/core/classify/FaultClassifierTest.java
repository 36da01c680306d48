package dev.goodput.core.classify;

import dev.goodput.core.model.Cause;
import dev.goodput.core.model.CauseCatalog;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FaultClassifierTest {
    static final Path LOGS = Path.of("src/test/resources/logs");
    static final FaultClassifier RULES = FaultClassifier.bundled();

    @Test
    void everyRuleGivesACatalogueCauseInItsCatalogueLayer() {
        assertTrue(RULES.rules().size() >= 30, RULES.rules().toString());
        for (FaultClassifier.Rule r : RULES.rules()) {
            Cause c = CauseCatalog.byId(r.cause());
            assertNotNull(c, r.id());
            assertEquals(c.id(), r.cause(), "an old id in " + r.id());
            assertEquals(c.layer(), r.layer(), r.id());
        }
    }

    /** Real messages from public issues and logs, each with the rule it must match; "-" for none. */
    @Test
    void realMessagesGetTheirRules() throws Exception {
        List<String> lines = Files.readAllLines(LOGS.resolve("fault_messages__github_issues.tsv"),
                StandardCharsets.UTF_8);
        int n = 0;
        for (String line : lines) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            assertEquals(3, f.length, line);
            FaultClassifier.Classification c = RULES.classify(f[2]);
            String expected = f[0].equals("-") ? null : f[0];
            assertEquals(expected, c.rule(), f[2] + " (" + f[1] + ")");
            if (expected == null) {
                assertEquals(CauseCatalog.UNATTRIBUTED_DOWNTIME.id(), c.cause());
            } else {
                assertEquals(RULES.rule(expected).cause(), c.cause());
            }
            n++;
        }
        assertEquals(30, n);
    }

    @Test
    void firstMatchingRuleWinsAndUnmatchedIsUnattributed() {
        assertEquals("gpu_sram", RULES.classify("Xid (PCI:0000:9b:00): 95, Uncontained: SRAM ECC error").rule(),
                "SRAM named: before the Xid code's HBM rule");
        assertEquals("xid_hbm_ecc", RULES.classify("Xid (PCI:0000:9b:00): 95, Uncontained ECC error").rule());
        assertNull(RULES.classify("Xid (PCI:0000:9b:00): 130, x").rule(), "130 is not 13");
        assertNull(RULES.find("something else"));
        assertEquals(FaultClassifier.UNMATCHED, RULES.classify("something else"));
        assertEquals(FaultClassifier.UNMATCHED, RULES.classify(null));
        assertEquals("cuda_program_error", RULES.classify("RuntimeError: CUDA error: misaligned address").rule(),
                "a CUDA error the program caused, before the Python exception rule");
        assertEquals("python_exception", RULES.classify("ValueError: bad shape").rule());
        assertNull(RULES.classify("EXT4-fs warning (device vdb): __ext4_read_dirblock:902: error reading directory "
                + "block (ino 27787265, block 0)").rule(), "a warning is not an EXT4 error");
    }

    @Test
    void aMalformedRuleFileNamesItsLine() {
        assertEquals("r.tsv:2: expected rule<TAB>pattern<TAB>cause<TAB>layer",
                parseError("# c\nx\tXid\tfaulty_gpu\n"));
        assertEquals("r.tsv:1: expected a rule id in lower snake case, found 'Bad-Id'",
                parseError("Bad-Id\tXid\tfaulty_gpu\tinfra\n"));
        assertEquals("r.tsv:2: rule id 'a' is used twice", parseError("a\tx\tssd\tinfra\na\ty\tssd\tinfra\n"));
        assertEquals("r.tsv:1: expected a catalogue cause id, found 'gpu_failure'",
                parseError("a\tx\tgpu_failure\tinfra\n"), "an old id is not written in a rule file");
        assertEquals("r.tsv:1: expected layer infra, framework or model, found 'hardware'",
                parseError("a\tx\tssd\thardware\n"));
        assertTrue(parseError("a\t(\tssd\tinfra\n").startsWith("r.tsv:1: bad pattern: "));
    }

    private static String parseError(String text) {
        return assertThrows(IllegalArgumentException.class,
                () -> FaultClassifier.parse(new StringReader(text), "r.tsv")).getMessage();
    }
}
