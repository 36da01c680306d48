package dev.goodput.core.io;

import java.util.Set;

/** One input record's fields as text, whatever the file format; absent and blank fields read as null. */
interface EventFields {
    String text(String key);

    Set<String> keys();

    default boolean has(String key) {
        String t = text(key);
        return t != null && !t.isBlank();
    }
}
