package dev.goodput.core.model;

import java.util.Locale;

/** Reasons the job was not running that are logged explicitly. */
public enum DowntimeKind {
    QUEUE, SCHEDULER, MAINTENANCE, OTHER;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DowntimeKind parse(String text) {
        if (text == null) {
            return OTHER;
        }
        for (DowntimeKind k : values()) {
            if (k.name().equalsIgnoreCase(text.trim())) {
                return k;
            }
        }
        return OTHER;
    }
}
