package dev.goodput.app;

import java.net.URL;
import java.util.Objects;

/** Style-class names used from code, and the stylesheet ({@code workbench.css}) that gives them their look. */
final class WorkbenchStyles {
    static final String MAIN_VIEW = "main-view";
    static final String RUN_NAME = "run-name";
    static final String RUN_DETAILS = "run-details";
    static final String FIGURE_CARD = "figure-card";
    static final String FIGURE_HEADLINE = "figure-headline";
    static final String FIGURE_TITLE = "figure-title";
    static final String FIGURE_VALUE = "figure-value";
    static final String FIGURE_FORMULA = "figure-formula";
    static final String SECTION_TITLE = "section-title";
    static final String NUMERIC = "numeric";
    static final String MESSAGE = "message";
    static final String TIMELINE_SLOT = "timeline-slot";
    static final String TIMELINE_PLACEHOLDER = "timeline-placeholder";
    static final String STATUS_BAR = "status-bar";
    static final String STATUS_BAR_RUN = "status-bar-run";
    static final String LOAD_BAR = "load-bar";
    static final String PROBLEM_COUNT = "problem-count";
    static final String SHORTCUT_KEYS = "shortcut-keys";

    private WorkbenchStyles() {
    }

    static String stylesheet() {
        URL css = Objects.requireNonNull(WorkbenchStyles.class.getResource("workbench.css"), "workbench.css");
        return css.toExternalForm();
    }
}
