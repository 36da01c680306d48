package dev.goodput.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StartupFilesTest {
    @TempDir
    Path dir;

    @Test
    void opensTheNamedFiles() {
        assertEquals(List.of(dir.resolve("a.jsonl"), dir.resolve("b.csv")),
                StartupFiles.resolve(List.of("a.jsonl", "b.csv"), dir, Optional.of(List.of(Path.of("/last.jsonl")))));
    }

    @Test
    void reopensTheFilesOpenedLast() throws Exception {
        writeSample();
        List<Path> last = List.of(Path.of("/runs/last.jsonl"));
        assertEquals(last, StartupFiles.resolve(List.of(), dir, Optional.of(last)));
    }

    @Test
    void opensTheBundledSampleOnAFirstStart() throws Exception {
        Path sample = writeSample();
        assertEquals(List.of(sample), StartupFiles.resolve(List.of(), dir, Optional.empty()));
    }

    @Test
    void startsEmptyWithoutTheSample() {
        assertEquals(List.of(), StartupFiles.resolve(List.of(), dir, Optional.empty()));
    }

    @Test
    void theSampleIsBundledAtTheProjectRoot() {
        assertEquals(List.of(StartupFiles.SAMPLE), StartupFiles.resolve(List.of(), Path.of(""), Optional.empty()));
    }

    /** The app image starts in any folder: its launcher names the image's own sample-runs (goodput.sampleHome). */
    @Test
    void aFirstStartOutsideTheProjectOpensTheImagesSample() throws Exception {
        Path image = writeSample().getParent().getParent().getParent();
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        assertEquals(List.of(image.resolve(StartupFiles.SAMPLE)),
                StartupFiles.resolve(List.of(), elsewhere, Optional.empty(), image));
        assertEquals(List.of(), StartupFiles.resolve(List.of(), elsewhere, Optional.empty(), elsewhere));
    }

    private Path writeSample() throws Exception {
        Path sample = dir.resolve(StartupFiles.SAMPLE);
        Files.createDirectories(sample.getParent());
        Files.writeString(sample, "{}\n");
        return sample;
    }
}
