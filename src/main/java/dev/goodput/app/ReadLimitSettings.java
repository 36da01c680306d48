package dev.goodput.app;

import dev.goodput.core.io.Limit;
import dev.goodput.core.io.ReadLimits;

import java.util.prefs.Preferences;

/**
 * The read limits the user set in Preferences, remembered across starts (per user, never in a workspace: a limit is
 * about this machine's memory, not the run). Read afresh at each load, so a change applies to the next one. A stored
 * value that is not a valid limit is the default.
 */
final class ReadLimitSettings {
    private static final String NODE = "limits";

    private final Preferences node;

    ReadLimitSettings(Preferences prefs) {
        this.node = prefs.node(NODE);
    }

    ReadLimits limits() {
        ReadLimits limits = ReadLimits.DEFAULTS;
        for (Limit l : Limit.values()) {
            long v;
            try {
                v = node.getLong(key(l), limits.value(l));
            } catch (IllegalStateException removed) {
                return ReadLimits.DEFAULTS; // the node was removed under us (preferences cleared): the defaults
            }
            if (v > 0 && (l != Limit.DEPTH || v <= Integer.MAX_VALUE)) {
                limits = limits.with(l, v);
            }
        }
        return limits;
    }

    /** Stores the limits; those at their default are forgotten, so a later default change reaches them. */
    void save(ReadLimits limits) {
        for (Limit l : Limit.values()) {
            if (limits.value(l) == ReadLimits.DEFAULTS.value(l)) {
                node.remove(key(l));
            } else {
                node.putLong(key(l), limits.value(l));
            }
        }
    }

    /** {@code max-line-bytes}: the option's name, so a stored preference reads like the command line. */
    private static String key(Limit l) {
        return l.option().substring(2);
    }
}
