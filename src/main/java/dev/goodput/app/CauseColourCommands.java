package dev.goodput.app;

import dev.goodput.app.attribution.AttributionSession;
import dev.goodput.chart.CauseKey;
import dev.goodput.core.derive.Derivation;
import dev.goodput.core.model.CauseCatalog;
import dev.goodput.core.report.CauseShare;
import javafx.scene.control.MenuItem;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A cause's colour, set by the user (a presenter matching their slides) or reset to its own: asked through a
 * {@link CauseColourPrompt}, applied as one undoable step of the attribution session, drawn on every chart.
 */
public final class CauseColourCommands {
    private final AttributionSession session;
    private final CauseColourPrompt prompt;
    private final Supplier<Derivation> shown;

    /** @param shown the derivation shown, whose report names the causes */
    public CauseColourCommands(AttributionSession session, CauseColourPrompt prompt, Supplier<Derivation> shown) {
        this.session = session;
        this.prompt = prompt;
        this.shown = shown;
    }

    /** Asks for the cause's colour and draws it so; nothing when cancelled or no run is shown. */
    public void choose(CauseKey cause) {
        if (!session.isLoaded()) {
            return;
        }
        String label = label(cause);
        prompt.ask(label, session.colourBook().colour(cause.cause()))
                .ifPresent(argb -> session.setColour(cause.cause(), label, argb));
    }

    /** Draws the cause in its own colour again (the catalogue's, or the one it was given). */
    public void reset(CauseKey cause) {
        if (session.isLoaded()) {
            session.setColour(cause.cause(), label(cause), 0);
        }
    }

    /** Whether the user chose the cause's colour. */
    public boolean isChosen(CauseKey cause) {
        return session.chosenColour(cause.cause()) != 0;
    }

    /** "Colour…" and "Reset colour" for a context menu on the cause. */
    public List<MenuItem> menuItems(CauseKey cause) {
        List<MenuItem> items = new ArrayList<>();
        MenuItem choose = new MenuItem("Colour of " + label(cause) + "…");
        choose.setId("context-cause-colour");
        choose.setOnAction(e -> choose(cause));
        MenuItem reset = new MenuItem("Reset colour");
        reset.setId("context-cause-colour-reset");
        reset.setOnAction(e -> reset(cause));
        reset.setDisable(!isChosen(cause));
        items.add(choose);
        items.add(reset);
        return items;
    }

    /** The cause's name as the report says it (the catalogue's, or one the run's log gave). */
    private String label(CauseKey cause) {
        Derivation d = shown.get();
        if (d != null) {
            for (CauseShare c : d.report().badput()) {
                if (c.layer() == cause.layer() && c.cause().equals(cause.cause())) {
                    return c.label();
                }
            }
        }
        return CauseCatalog.labelFor(cause.cause());
    }
}
