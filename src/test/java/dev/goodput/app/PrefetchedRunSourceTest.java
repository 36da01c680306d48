package dev.goodput.app;

import dev.goodput.core.load.RunFiles;
import dev.goodput.core.model.Run;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The start-up files are read once, ahead; the first open takes that read, and anything later reads afresh. */
class PrefetchedRunSourceTest {
    @Test
    void theFirstOpenOfTheFilesTakesTheReadDoneAheadAndAReloadReadsAgain() throws Exception {
        List<List<Path>> reads = Collections.synchronizedList(new ArrayList<>());
        RunSource lenient = RunSource.lenient();
        RunSource counting = files -> {
            reads.add(files);
            return lenient.read(files);
        };
        List<Path> files = RunFiles.list(List.of(UiFixture.CLEAN));
        RunSource source = PrefetchedRunSource.start(counting, List.of(UiFixture.CLEAN));

        Run first = source.read(files);
        assertEquals(1, reads.size(), "read once, ahead");
        Run again = source.read(files);
        assertEquals(2, reads.size(), "a reload reads the files again");
        assertEquals(first.metadata(), again.metadata());
    }
}
