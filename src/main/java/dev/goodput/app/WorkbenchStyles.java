package dev.goodput.app;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Style-class names and the stylesheet that gives them their look. The sheet is a data URI (JavaFX 17+) so
 * the placeholder window needs no resource files; it can move to a .css file when the real UI arrives.
 */
final class WorkbenchStyles {
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

    private static final String CSS = """
            .root { -fx-font-size: 13px; -fx-background-color: #f4f5f7; }
            .run-name { -fx-font-size: 22px; -fx-font-weight: bold; -fx-text-fill: #1f2a44; }
            .run-details { -fx-text-fill: #555b66; }
            .figure-card {
                -fx-background-color: white; -fx-background-radius: 6;
                -fx-border-color: #d5d9e0; -fx-border-radius: 6; -fx-padding: 12 18 14 18; -fx-spacing: 2;
            }
            .figure-card.figure-headline { -fx-border-color: #3b6fd8; -fx-border-width: 2; }
            .figure-title { -fx-font-size: 14px; -fx-font-weight: bold; -fx-text-fill: #404756; }
            .figure-value { -fx-font-size: 44px; -fx-font-weight: bold; -fx-text-fill: #1f2a44; }
            .figure-formula { -fx-text-fill: #6b7280; }
            .section-title { -fx-font-size: 15px; -fx-font-weight: bold; -fx-text-fill: #1f2a44; }
            .table-cell.numeric { -fx-alignment: center-right; }
            .message { -fx-font-size: 18px; -fx-text-fill: #404756; -fx-text-alignment: center; }
            """;

    private WorkbenchStyles() {
    }

    static String stylesheet() {
        return "data:text/css;base64," + Base64.getEncoder().encodeToString(CSS.getBytes(StandardCharsets.UTF_8));
    }
}
