package dev.goodput.app;

import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * File ▸ Open…: picks one or more files that together make one run, or one workspace file. All files are shown at
 * first, since trainer logs have any name (slurm-123.out, stdout.log, ...); the narrower filters stay on offer.
 */
final class RunFileChooser {
    private final Window owner;
    private final FileChooser chooser = new FileChooser();

    RunFileChooser(Window owner) {
        this.owner = owner;
        chooser.setTitle("Open run logs or workspace");
        FileChooser.ExtensionFilter all = new FileChooser.ExtensionFilter("All files", "*");
        chooser.getExtensionFilters().addAll(all,
                new FileChooser.ExtensionFilter("Logs, run logs and workspaces", "*.log", "*.out", "*.err", "*.txt",
                        "*.jsonl", "*.ndjson", "*.json", "*.csv", "*.gz", "*.goodput"),
                new FileChooser.ExtensionFilter("Workspaces", "*.goodput"));
        chooser.setSelectedExtensionFilter(all);
        Path samples = Path.of("sample-runs").toAbsolutePath();
        if (Files.isDirectory(samples)) {
            chooser.setInitialDirectory(samples.toFile());
        }
    }

    /** Empty when the user cancelled. */
    Optional<List<Path>> choose() {
        List<File> files = chooser.showOpenMultipleDialog(owner);
        if (files == null || files.isEmpty()) {
            return Optional.empty();
        }
        // Remember the folder, so the next Open starts where the user last was.
        chooser.setInitialDirectory(files.get(0).getParentFile());
        return Optional.of(files.stream().map(File::toPath).toList());
    }
}
