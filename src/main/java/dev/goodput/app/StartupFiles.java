package dev.goodput.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Which files the workbench opens at start-up: the ones named on the command line, else the bundled sample. */
final class StartupFiles {
    /** Relative to the working directory, which is the project root under {@code ./mvnw javafx:run}. */
    static final Path SAMPLE = Path.of("sample-runs", "clean-small", "run.jsonl");

    private StartupFiles() {
    }

    /** The files to open; empty when no argument was given and the sample is not there (an empty start). */
    static List<Path> resolve(List<String> args, Path workingDir) {
        if (!args.isEmpty()) {
            return args.stream().map(workingDir::resolve).toList();
        }
        Path sample = workingDir.resolve(SAMPLE);
        return Files.isRegularFile(sample) ? List.of(sample) : List.of();
    }
}
