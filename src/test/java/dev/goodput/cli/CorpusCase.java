package dev.goodput.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code .expect} file of the broken-input corpus: why the case exists, the CLI arguments, the exit code, the
 * exact {@code goodput:} lines of standard error and JSON-pointer checks of standard output. {@code INPUT} in any
 * of them stands for the input's path as passed.
 */
record CorpusCase(String why, List<String> args, int exit, List<String> stderr, List<JsonCheck> json) {
    static final String SUFFIX = ".expect";
    static final String PLACEHOLDER = "INPUT";

    /** {@code json: POINTER = VALUE}. */
    record JsonCheck(String pointer, String value) {
    }

    static CorpusCase parse(Path file, String input) throws IOException {
        String why = null;
        List<String> args = null;
        Integer exit = null;
        List<String> stderr = new ArrayList<>();
        List<JsonCheck> json = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String where = file + ":" + (i + 1) + ": ";
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("#")) {
                String comment = line.substring(1).strip();
                if (comment.startsWith("why:")) {
                    why = comment.substring(4).strip();
                }
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException(where + "expected KEY: VALUE (args, exit, stderr, json), found \""
                        + line + "\"");
            }
            String key = line.substring(0, colon).strip();
            // stderr lines are exact: only the one space after the colon is not part of them.
            String raw = line.substring(colon + 1);
            String value = (raw.startsWith(" ") ? raw.substring(1) : raw).replace(PLACEHOLDER, input);
            switch (key) {
                case "args" -> args = words(withoutComment(value), where);
                case "exit" -> exit = Integer.valueOf(withoutComment(value));
                case "stderr" -> stderr.add(value);
                case "json" -> {
                    int eq = value.indexOf(" = ");
                    if (eq < 0) {
                        throw new IllegalArgumentException(where + "expected json: /POINTER = VALUE, found \""
                                + line + "\"");
                    }
                    json.add(new JsonCheck(value.substring(0, eq).strip(), value.substring(eq + 3).strip()));
                }
                default -> throw new IllegalArgumentException(where + "expected a key args, exit, stderr or json, "
                        + "found \"" + key + "\"");
            }
        }
        if (why == null || why.isEmpty()) {
            throw new IllegalArgumentException(file + ": expected a line \"# why: …\" saying what the case is");
        }
        if (exit == null) {
            throw new IllegalArgumentException(file + ": expected a line \"exit: CODE\"");
        }
        return new CorpusCase(why, args != null ? args : List.of("report", input), exit, List.copyOf(stderr),
                List.copyOf(json));
    }

    /** {@code args} and {@code exit} may end in a {@code # comment}; stderr lines are exact, so never there. */
    private static String withoutComment(String value) {
        return value.replaceFirst("\\s+#.*$", "").strip();
    }

    /** Splits arguments at spaces; '…' or "…" keep spaces in one argument (no escapes). */
    static List<String> words(String text, String where) {
        List<String> out = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quote != 0) {
                if (ch == quote) {
                    quote = 0;
                } else {
                    word.append(ch);
                }
            } else if (ch == '\'' || ch == '"') {
                quote = ch;
                word = word == null ? new StringBuilder() : word;
            } else if (Character.isWhitespace(ch)) {
                if (word != null) {
                    out.add(word.toString());
                    word = null;
                }
            } else {
                word = word == null ? new StringBuilder() : word;
                word.append(ch);
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException(where + "expected a closing " + quote + " in the args");
        }
        if (word != null) {
            out.add(word.toString());
        }
        return out;
    }
}
