package dev.goodput.app.source;

import dev.goodput.core.io.DamagedGzipException;
import dev.goodput.core.io.InputFiles;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The lines around one line of an input file, as the raw-line viewer shows them: read-only, plain or gzip (as the
 * readers open it, {@link InputFiles}), lines counted as the readers count them. When the line cannot be shown,
 * {@link #problem()} says why (the file is gone, unreadable, or shorter than the line) and the lines are what could
 * be read (the end of a file that is too short).
 *
 * @param file      the file read
 * @param line      the line asked for (1-based; 0 when the record has none)
 * @param firstLine the number of {@code lines}' first line
 * @param lines     the lines read, each cut at {@link #MAX_CHARS} characters
 * @param problem   why the line is not among them; empty when it is
 */
public record SourceExcerpt(Path file, long line, long firstLine, List<String> lines, String problem) {
    /** A line longer than this (a JSON document on one line) is cut, with an ellipsis. */
    static final int MAX_CHARS = 2000;

    public SourceExcerpt {
        Objects.requireNonNull(file, "file");
        lines = List.copyOf(lines);
        problem = problem == null ? "" : problem;
    }

    /** Whether the line asked for is among the lines. */
    public boolean found() {
        return line >= firstLine && line < firstLine + lines.size();
    }

    /** The index in {@link #lines()} of the line asked for, or -1. */
    public int index() {
        return found() ? (int) (line - firstLine) : -1;
    }

    /**
     * Reads up to {@code context} lines before and after {@code line} of {@code file}; never throws for a file
     * that is gone or unreadable (the excerpt says so). Call off the FX thread: it reads the file up to the line.
     * An interrupt stops the reading (an excerpt of what was read, saying so).
     */
    public static SourceExcerpt read(Path file, long line, int context) {
        if (!Files.exists(file)) {
            return failed(file, line, file + " is not there any more: was it moved or deleted after the run was read?");
        }
        if (Files.isDirectory(file)) {
            return failed(file, line, file + " is a folder, not a file");
        }
        long target = Math.max(1, line);
        ArrayDeque<String> before = new ArrayDeque<>(context + 1);
        List<String> after = new ArrayList<>();
        long n = 0;
        try (BufferedReader r = InputFiles.reader(file)) {
            String s;
            while ((s = readLineCut(r)) != null) {
                n++;
                if (n < target) {
                    before.addLast(s);
                    if (before.size() > context) {
                        before.removeFirst();
                    }
                } else {
                    after.add(s);
                    if (n >= target + context) {
                        break;
                    }
                }
                if ((n & 0xFFFF) == 0 && Thread.currentThread().isInterrupted()) {
                    return failed(file, line, "Reading " + file + " was stopped");
                }
            }
        } catch (NoSuchFileException e) {
            return failed(file, line, file + " is not there any more: was it moved or deleted after the run was read?");
        } catch (AccessDeniedException e) {
            return failed(file, line, "You may not read " + file);
        } catch (DamagedGzipException e) {
            return failed(file, line, file + " is cut short or damaged: " + e.getMessage());
        } catch (IOException e) {
            return failed(file, line, "Could not read " + file + ": " + e.getMessage());
        }
        List<String> lines = new ArrayList<>(before);
        lines.addAll(after);
        long first = n < target ? n - before.size() + 1 : target - before.size();
        String problem = "";
        if (n < target) {
            problem = file + " has " + n + (n == 1 ? " line" : " lines") + ": line " + line
                    + " is past its end (has the file changed since the run was read?)";
        } else if (line <= 0) {
            problem = "The record names no line: the file's first lines are shown";
        }
        return new SourceExcerpt(file, line, Math.max(1, first), lines, problem);
    }

    private static SourceExcerpt failed(Path file, long line, String problem) {
        return new SourceExcerpt(file, line, 1, List.of(), problem);
    }

    /**
     * The next line as {@link BufferedReader#readLine()} splits them ({@code \n}, {@code \r\n} or {@code \r}), cut
     * at {@link #MAX_CHARS} characters with an ellipsis; null at the end. The rest of a long line is skipped, never
     * held: a trace written as one line of hundreds of MB must not fill the window's memory to show 2,000 characters.
     */
    static String readLineCut(BufferedReader r) throws IOException {
        StringBuilder line = new StringBuilder(128);
        boolean cut = false;
        int c = r.read();
        if (c < 0) {
            return null;
        }
        while (c >= 0 && c != '\n' && c != '\r') {
            if (line.length() < MAX_CHARS) {
                line.append((char) c);
            } else {
                cut = true;
            }
            c = r.read();
        }
        if (c == '\r') {
            r.mark(1);
            if (r.read() != '\n') {
                r.reset();
            }
        }
        if (cut) {
            line.setLength(MAX_CHARS - 1);
            line.append('…');
        }
        return line.toString();
    }
}
