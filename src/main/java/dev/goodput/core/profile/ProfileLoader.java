package dev.goodput.core.profile;

import dev.goodput.core.io.InputException;
import dev.goodput.core.io.ReadLimits;
import dev.goodput.core.io.ReaderCrash;
import dev.goodput.core.io.RegularFile;
import dev.goodput.core.model.Source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Loads profiles: Kineto JSON (plain or gzip) or Nsight Systems SQLite, told apart by content; a folder
 * stands for its per-rank traces. Files are only read.
 */
public final class ProfileLoader {
    private ProfileLoader() {
    }

    /** Whether a file is a profile rather than a run log: an SQLite database, or JSON with traceEvents. */
    public static boolean isProfile(Path file) {
        if (Files.isDirectory(file)) {
            return true;
        }
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".sqlite") || n.endsWith(".pb") || n.contains(".pt.trace.json")) {
            return true;
        }
        try {
            if (NsysSqliteReader.looksLikeSqlite(file)) {
                return true;
            }
            // Chrome-trace events carry "ph"; run logs and ml-goodput entries never do.
            String head = dev.goodput.core.io.TextHead.of(file, 1 << 16);
            return head.contains("\"traceEvents\"") || head.contains("\"deviceProperties\"")
                    || head.contains("\"schemaVersion\"") || head.contains("\"ph\"");
        } catch (IOException e) {
            return false;
        }
    }

    /** All traces behind the paths, folders expanded (one trace per rank), in path order. */
    public static List<ProfileTrace> load(List<Path> paths) throws IOException, InputException {
        return load(paths, ReadLimits.DEFAULTS);
    }

    /** As {@link #load(List)}, each file read within the limits. */
    public static List<ProfileTrace> load(List<Path> paths, ReadLimits limits) throws IOException, InputException {
        List<ProfileTrace> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                List<Path> files;
                try (Stream<Path> s = Files.list(p)) {
                    files = s.filter(Files::isRegularFile).filter(ProfileLoader::looksLikeTraceName)
                            .sorted(Comparator.comparing(Path::toString)).toList();
                }
                if (files.isEmpty()) {
                    throw new InputException(new Source(p.toString(), 0), "expected trace files (.json, .json.gz, "
                            + ".sqlite) in the folder");
                }
                for (Path f : files) {
                    out.addAll(loadFile(f, limits));
                }
            } else {
                out.addAll(loadFile(p, limits));
            }
        }
        return out;
    }

    private static boolean looksLikeTraceName(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".json") || n.endsWith(".json.gz") || n.endsWith(".sqlite") || n.endsWith(".db");
    }

    private static List<ProfileTrace> loadFile(Path f, ReadLimits limits) throws IOException, InputException {
        try {
            RegularFile.check(f); // before the first read: a FIFO would block it
        } catch (java.nio.file.NoSuchFileException e) {
            throw new InputException(new Source(f.toString(), 0), "file not found");
        }
        try {
            if (NsysSqliteReader.looksLikeSqlite(f)) {
                return new NsysSqliteReader().readAll(f);
            }
            return List.of(new KinetoTraceReader(limits).read(f));
        } catch (RuntimeException e) { // a reader's bug: say which file, keep its text off the error line
            throw new ReaderCrash(f, e);
        }
    }
}
