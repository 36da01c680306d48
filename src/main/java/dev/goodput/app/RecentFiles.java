package dev.goodput.app;

import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.collections.FXCollections;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * The runs opened lately, most recent first, at most {@link #MAX}; each is the list of files opened together.
 * Remembered in a {@link Preferences} node (the user's in the app, a throw-away one in tests), as keys
 * {@code recent.0} … {@code recent.9}; each value is the entry's paths URL-encoded and joined by '|', so no path
 * character can be mistaken for a separator.
 */
public final class RecentFiles {
    public static final int MAX = 10;
    private static final String KEY = "recent.";
    private static final String SEPARATOR = "|";

    private final Preferences store;
    private final ReadOnlyListWrapper<List<Path>> entries =
            new ReadOnlyListWrapper<>(this, "entries", FXCollections.observableArrayList());

    public RecentFiles(Preferences store) {
        this.store = store;
        List<List<Path>> read = new ArrayList<>();
        for (int i = 0; i < MAX; i++) {
            decode(store.get(KEY + i, "")).filter(e -> !read.contains(e)).ifPresent(read::add);
        }
        entries.setAll(read);
    }

    /** Puts the files on top, removing an earlier entry of the same files and the oldest beyond {@link #MAX}. */
    public void add(List<Path> files) {
        if (files.isEmpty()) {
            return;
        }
        List<Path> entry = files.stream().map(f -> f.toAbsolutePath().normalize()).toList();
        if (encode(entry).length() > Preferences.MAX_VALUE_LENGTH) {
            // Hundreds of files opened at once: not worth a menu item, and the store could not hold it.
            return;
        }
        List<List<Path>> next = new ArrayList<>(entries);
        next.remove(entry);
        next.add(0, entry);
        entries.setAll(next.subList(0, Math.min(MAX, next.size())));
        save();
    }

    public void clear() {
        entries.clear();
        save();
    }

    /** The files (or folders) opened last, if they are all still there: what the workbench reopens at start. */
    public Optional<List<Path>> last() {
        return entries.stream().findFirst().filter(files -> files.stream()
                .allMatch(f -> Files.isRegularFile(f) || Files.isDirectory(f)));
    }

    /** Most recent first. */
    public ReadOnlyListProperty<List<Path>> entriesProperty() {
        return entries.getReadOnlyProperty();
    }

    private void save() {
        for (int i = 0; i < MAX; i++) {
            if (i < entries.size()) {
                store.put(KEY + i, encode(entries.get(i)));
            } else {
                store.remove(KEY + i);
            }
        }
        try {
            store.flush();
        } catch (BackingStoreException e) {
            // The list is still right for this session; losing it at exit is not worth interrupting the user.
        }
    }

    static String encode(List<Path> files) {
        return String.join(SEPARATOR, files.stream()
                .map(f -> URLEncoder.encode(f.toString(), StandardCharsets.UTF_8)).toList());
    }

    static Optional<List<Path>> decode(String value) {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Arrays.stream(value.split("\\" + SEPARATOR))
                    .map(s -> Path.of(URLDecoder.decode(s, StandardCharsets.UTF_8))).toList());
        } catch (IllegalArgumentException e) {
            // Bad escapes or an invalid path (InvalidPathException is one), e.g. written by another version or edited
            // by hand: forget the entry rather than fail at start.
            return Optional.empty();
        }
    }
}
