package dev.goodput.chart.timeline;

import dev.goodput.core.report.HumanFormat;

import java.util.List;

/**
 * What the profile lane says besides its bars: a profile whose time lies outside the run's window (an unrelated
 * trace) or off the part shown is named in words with its time, never left as an empty lane; hovering says the
 * profile's details.
 */
public final class ProfileLane {
    private ProfileLane() {
    }

    /** Whether {@code p} lies (partly) in the range {@code v} shows. */
    public static boolean inView(ProfileSpan p, TimelineViewport v) {
        return p.endUs() >= v.start() && p.startUs() <= v.end();
    }

    /**
     * The lane's words for the profiles not in view: "profile outside the run's window: 2024-07-18 11:51:01 UTC"
     * (a trace of another time), or "profile off screen: … (F fits the run)"; "" when every profile shows.
     */
    public static String note(List<ProfileSpan> profiles, TimelineViewport v) {
        ProfileSpan first = null;
        int out = 0;
        boolean outsideRun = false;
        for (ProfileSpan p : profiles) {
            if (!inView(p, v)) {
                out++;
                boolean outside = p.endUs() < v.dataStart() || p.startUs() > v.dataEnd();
                if (first == null || outside && !outsideRun) {
                    first = p;
                    outsideRun = outside;
                }
            }
        }
        if (first == null) {
            return "";
        }
        String what = out == 1 ? "profile" : out + " profiles, the first";
        return outsideRun ? what + " outside the run's window: " + HumanFormat.clock(first.startUs())
                + " (" + first.label() + ")"
                : what + " off screen: " + HumanFormat.clock(first.startUs()) + " (F fits the run)";
    }

    /**
     * The hover at time {@code t} (± {@code slackUs}): the profile there; where no profile shows, the note's profile
     * and where it lies; "" otherwise.
     */
    public static String hover(List<ProfileSpan> profiles, TimelineViewport v, long t, long slackUs) {
        for (ProfileSpan p : profiles) {
            if (t >= p.startUs() - slackUs && t <= p.endUs() + slackUs) {
                return p.details();
            }
        }
        if (profiles.stream().noneMatch(p -> inView(p, v))) {
            for (ProfileSpan p : profiles) {
                boolean outside = p.endUs() < v.dataStart() || p.startUs() > v.dataEnd();
                return (outside ? "Outside the run's window (" + HumanFormat.clockRange(v.dataStart(), v.dataEnd(),
                        " → ") + ")\n" : "Off screen\n") + p.details();
            }
        }
        return "";
    }
}
