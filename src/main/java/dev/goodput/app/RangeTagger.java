package dev.goodput.app;

import dev.goodput.app.attribution.AttributionSession;
import dev.goodput.app.attribution.TagPrompt;
import dev.goodput.app.attribution.TagPromptContext;
import dev.goodput.app.attribution.TagRequest;
import dev.goodput.app.timeline.TimelineView;
import dev.goodput.app.timeline.TimelineViewModel;
import dev.goodput.chart.timeline.TimeRange;
import dev.goodput.core.report.HumanFormat;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableBooleanValue;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * Tags the lost time in a range ctrl-dragged on the timeline (asked as soon as it is marked, and again with Edit ▸
 * Tag Marked Range, Ctrl+T): all of it or only its unattributed downtime, as one undoable edit. Productive time in
 * the range stays productive.
 */
final class RangeTagger {
    private final AttributionSession session;
    private final TimelineViewModel timeline;
    private final TagPrompt prompt;
    private final Consumer<String> status;
    private final BooleanBinding canTag;

    RangeTagger(AttributionSession session, TimelineView timeline, TagPrompt prompt, Consumer<String> status) {
        this(session, timeline.model(), prompt, status);
    }

    /** On the timeline's view model: the range marked there, whichever view marked it. */
    RangeTagger(AttributionSession session, TimelineViewModel timeline, TagPrompt prompt, Consumer<String> status) {
        this.session = session;
        this.timeline = timeline;
        this.prompt = prompt;
        this.status = status;
        this.canTag = Bindings.createBooleanBinding(() -> session.derivationProperty().get() != null
                        && timeline.markedRangeProperty().get() != null,
                session.derivationProperty(), timeline.markedRangeProperty());
        // Marking a range asks at once; after the mouse release has finished, since the question is a dialog.
        timeline.markedRangeProperty().addListener((obs, was, now) -> {
            if (now != null) {
                Platform.runLater(this::tagSelectedRange);
            }
        });
    }

    /** True while a range is marked on the timeline of a run. */
    ObservableBooleanValue canTagProperty() {
        return canTag;
    }

    void tagSelectedRange() {
        TimeRange range = timeline.markedRangeProperty().get();
        if (range == null || !session.isLoaded() || range.endUs() <= range.startUs()) {
            return;
        }
        String what = HumanFormat.clockRange(range.startUs(), range.endUs(), " – ");
        Optional<TagRequest> answer = prompt.ask(new TagPromptContext("Tag " + what, session.causeChoices(), true,
                null));
        answer.ifPresent(r -> {
            try {
                session.apply(session.tagging().tagRange(range.startUs(), range.endUs(), r.cause().id(),
                        r.cause().layer(), r.onlyUnattributed(), r.note()));
            } catch (IllegalArgumentException e) {
                status.accept("Could not tag " + what + ": " + e.getMessage());
            }
        });
    }
}
