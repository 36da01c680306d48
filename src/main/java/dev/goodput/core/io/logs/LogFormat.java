package dev.goodput.core.io.logs;

import java.util.function.Supplier;

/**
 * A trainer-log format the loader recognises: its id (for {@code --format}), a name, a real example line, what is
 * taken from it (for {@code goodput formats} and docs/formats.md), and a fresh recogniser per file.
 */
public record LogFormat(String id, String name, String example, String takes, Supplier<LineRecogniser> recogniser) {
}
