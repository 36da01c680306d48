package dev.goodput.app;

import dev.goodput.app.attribution.AttributionSession;
import dev.goodput.app.timeline.TimelineView;
import dev.goodput.app.timeline.TimelineViewModel;
import dev.goodput.core.attribution.AttributedInterval;
import dev.goodput.core.derive.Interval;
import dev.goodput.core.report.HumanFormat;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * Edit ▸ Next / Previous Unattributed (F8, Shift+F8): from the interval selected on the timeline (or the window's
 * start or end), to the next piece of unattributed downtime. The timeline shows and selects it; the attribution
 * table follows the timeline's selection, so both move together.
 */
final class UnattributedNavigator {
    private final AttributionSession session;
    private final TimelineViewModel timeline;
    private final Consumer<String> status;

    UnattributedNavigator(AttributionSession session, TimelineView timeline, Consumer<String> status) {
        this(session, timeline.model(), status);
    }

    /** On the timeline's view model: it reveals and selects, whichever view draws it. */
    UnattributedNavigator(AttributionSession session, TimelineViewModel timeline, Consumer<String> status) {
        this.session = session;
        this.timeline = timeline;
        this.status = status;
    }

    void next() {
        move(true);
    }

    void previous() {
        move(false);
    }

    private void move(boolean forward) {
        if (!session.isLoaded()) {
            return;
        }
        long from = position(forward);
        Optional<AttributedInterval> found = forward ? session.attribution().nextUnattributed(from)
                : session.attribution().previousUnattributed(from);
        if (found.isPresent()) {
            timeline.reveal(found.get().startUs(), found.get().endUs());
        } else {
            status.accept("No unattributed downtime " + (forward ? "after " : "before ")
                    + HumanFormat.clock(Math.max(from, session.base().window().startUs())));
        }
    }

    private long position(boolean forward) {
        Interval selected = timeline.selectedProperty().get();
        if (selected != null) {
            return selected.startUs();
        }
        var w = session.base().window();
        return forward ? w.startUs() - 1 : w.endUs();
    }
}
