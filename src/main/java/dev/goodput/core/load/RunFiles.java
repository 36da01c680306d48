package dev.goodput.core.load;

import dev.goodput.core.io.InputException;
import dev.goodput.core.io.RegularFile;
import dev.goodput.core.model.Source;
import dev.goodput.core.profile.ProfileLoader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The files a run is read from, as the user named them turned into files: a folder stands for the files in it
 * (one level, sorted by name, hidden files and subfolders left out), and each file is either a run file (run log,
 * ml-goodput entries, trainer log, ...) or a profiler trace, told apart by content. A folder of profiler traces is
 * thereby "one trace per rank", as {@code goodput profile} reads it. Only regular files are opened (a symbolic
 * link to one is fine): a FIFO, socket or device is refused naming it, before anything reads from it (a read from
 * a FIFO would wait forever). A file named twice (or named and inside a named folder) is read once.
 *
 * @param logs     the run files, in the order given
 * @param profiles the profiler traces, in the order given
 */
public record RunFiles(List<Path> logs, List<Path> profiles) {
    public RunFiles {
        logs = List.copyOf(logs);
        profiles = List.copyOf(profiles);
    }

    /**
     * The inputs with folders expanded, in order, each file once. Only looks at the file system (no file is
     * opened), so it is cheap enough to name the files before reading them. A path that does not exist is kept: the
     * reader reports it ("file not found").
     *
     * @throws InputException naming a special file (FIFO, socket, device), or a folder with no file in it
     */
    public static List<Path> list(List<Path> inputs) throws InputException {
        Set<Path> seen = new LinkedHashSet<>();
        List<Path> out = new ArrayList<>();
        for (Path p : inputs) {
            if (Files.isDirectory(p)) {
                List<Path> inside = folder(p);
                if (inside.isEmpty()) {
                    throw new InputException(new Source(p.toString(), 0), "expected run files in the folder, found "
                            + "none (hidden files and subfolders are not read)");
                }
                for (Path f : inside) {
                    add(f, seen, out);
                }
            } else {
                RegularFile.refuseSpecial(p);
                add(p, seen, out);
            }
        }
        return List.copyOf(out);
    }

    /** {@link #list} with each file classified: profiler traces (by content) apart from run files. */
    public static RunFiles of(List<Path> inputs) throws InputException {
        List<Path> logs = new ArrayList<>();
        List<Path> profiles = new ArrayList<>();
        for (Path f : list(inputs)) {
            (Files.isRegularFile(f) && ProfileLoader.isProfile(f) ? profiles : logs).add(f);
        }
        return new RunFiles(logs, profiles);
    }

    /** Every file, run files first. */
    public List<Path> all() {
        List<Path> all = new ArrayList<>(logs);
        all.addAll(profiles);
        return List.copyOf(all);
    }

    /**
     * Zones given per file ({@code --tz FILE=ZONE}) keyed by the run files as they are read: a key names a file or
     * a folder (then every file in it), compared as absolute paths; the most specific key wins.
     */
    public Map<Path, ZoneId> zonesFor(Map<Path, ZoneId> given) {
        return perFile(given);
    }

    /**
     * Values given per file ({@code --tz FILE=ZONE}, {@code --clock-offset FILE=SECONDS},
     * {@code --line-pattern FILE=REGEX}) keyed by the run files as
     * they are read: a key names a file or a folder (then every file in it), compared as absolute paths; the most
     * specific key wins.
     */
    public <T> Map<Path, T> perFile(Map<Path, T> given) {
        if (given.isEmpty()) {
            return Map.of();
        }
        Map<Path, T> byAbsolute = new HashMap<>();
        given.forEach((k, z) -> byAbsolute.put(absolute(k), z));
        Map<Path, T> out = new LinkedHashMap<>();
        for (Path f : logs) {
            for (Path p = absolute(f); p != null; p = p.getParent()) {
                T z = byAbsolute.get(p);
                if (z != null) {
                    out.put(f, z);
                    break;
                }
            }
        }
        return out;
    }

    /** The keys of {@code given} that name none of the run files nor a folder holding one: probably typos. */
    public List<Path> unmatched(Map<Path, ?> given) {
        List<Path> out = new ArrayList<>();
        for (Path k : given.keySet()) {
            Path key = absolute(k);
            if (logs.stream().map(RunFiles::absolute).noneMatch(f -> f.startsWith(key))) {
                out.add(k);
            }
        }
        return out;
    }

    private static List<Path> folder(Path dir) throws InputException {
        List<Path> entries;
        try (Stream<Path> s = Files.list(dir)) {
            entries = s.sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new InputException(new Source(dir.toString(), 0), "cannot list the folder ("
                    + e.getClass().getSimpleName() + " " + e.getMessage() + ")", e);
        }
        List<Path> files = new ArrayList<>();
        for (Path e : entries) {
            if (e.getFileName().toString().startsWith(".") || Files.isDirectory(e)) {
                continue;
            }
            RegularFile.refuseSpecial(e);
            if (Files.isRegularFile(e)) {
                files.add(e);
            }
            // else: a dangling symbolic link, left out like a hidden file
        }
        return files;
    }

    private static void add(Path f, Set<Path> seen, List<Path> out) {
        if (seen.add(absolute(f))) {
            out.add(f);
        }
    }

    private static Path absolute(Path p) {
        return p.toAbsolutePath().normalize();
    }
}
