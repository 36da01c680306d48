package dev.goodput.core.io;

import dev.goodput.core.model.RunBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A CSV quoting mistake is blamed on the line where it is, not where the parser gave up (the end of the file). */
class CsvQuoteTest {
    private static final String HEAD = "event,time,attempt\njob_start,2025-03-03T09:00:00Z,1\n";

    @TempDir
    Path dir;

    private InputException strict(String text) throws Exception {
        Path f = Files.writeString(dir.resolve("run.csv"), text);
        return assertThrows(InputException.class, () -> new CsvRunLogReader().read(f, new RunBuilder(),
                LoadMode.STRICT));
    }

    @Test
    void anUnterminatedQuoteIsBlamedOnTheLineWhereItOpened() throws Exception {
        InputException e = strict(HEAD + "note,\"x\ny\",1\nnote,a,\"b\njob_start,2025-03-03T09:00:00Z,1\n"
                + "job_start,2025-03-03T09:00:00Z,1\n");
        assertEquals(dir.resolve("run.csv") + ":5: expected a closing quote (\") for the field opened on this line; "
                + "the file ends inside it", e.getMessage());
    }

    @Test
    void textAfterAClosingQuoteIsBlamedOnItsLine() throws Exception {
        InputException e = strict(HEAD + "note,\"x\ny\",1\nnote,a,\"b\"c\njob_start,2025-03-03T09:00:00Z,1\n");
        assertEquals(dir.resolve("run.csv") + ":5: expected a delimiter (,) or the end of the line after a closing "
                + "quote (a quote inside a quoted field is written \"\")", e.getMessage());
    }
}
