package dev.goodput.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Which files the workbench opens at start-up: the ones named on the command line; else the ones opened last (if
 * they are still there); else, on a first start, the bundled sample.
 */
final class StartupFiles {
    /** Relative to the working directory, which is the project root under {@code ./mvnw javafx:run}. */
    static final Path SAMPLE = Path.of("sample-runs", "clean-small", "run.jsonl");

    private StartupFiles() {
    }

    /**
     * The system property naming the folder that holds {@code sample-runs} when it is not the working directory: the
     * app image's launcher sets it to the image's app folder, so a first start there opens the sample too.
     */
    static final String SAMPLE_HOME = "goodput.sampleHome";

    /** The files to open; empty when there is nothing to reopen and the sample is not there (an empty start). */
    static List<Path> resolve(List<String> args, Path workingDir, Optional<List<Path>> lastOpened) {
        return resolve(args, workingDir, lastOpened, null);
    }

    /** As above; {@code sampleHome} is a further folder holding {@code sample-runs}, or null. */
    static List<Path> resolve(List<String> args, Path workingDir, Optional<List<Path>> lastOpened, Path sampleHome) {
        if (!args.isEmpty()) {
            return args.stream().map(workingDir::resolve).toList();
        }
        if (lastOpened.isPresent()) {
            return lastOpened.get();
        }
        Path sample = workingDir.resolve(SAMPLE);
        if (Files.isRegularFile(sample)) {
            return List.of(sample);
        }
        Path bundled = sampleHome == null ? null : sampleHome.resolve(SAMPLE);
        return bundled != null && Files.isRegularFile(bundled) ? List.of(bundled) : List.of();
    }
}
