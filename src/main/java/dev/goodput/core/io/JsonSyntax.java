package dev.goodput.core.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JSON parser's failure in the error contract's words ({@code expected …}), without the parser's internals
 * (source excerpts, feature names, token type names): what every JSON reader reports after {@code FILE:LINE:}.
 */
public final class JsonSyntax {
    private static final Pattern UNCLOSED = Pattern.compile("expected close marker for (Object|Array) "
            + "\\(start marker at .*?line: (\\d+)");
    private static final Pattern OUT_OF_RANGE = Pattern.compile("Numeric value \\((.*?)\\) out of range of (int|long)");
    private static final Pattern UNEXPECTED = Pattern.compile("Unexpected character \\((.*?) \\(code [^)]*\\)\\)"
            + "(?: in numeric value: (.*)|: (?:was )?expect(?:ed|ing) (.*))?");
    private static final Pattern UNRECOGNIZED = Pattern.compile("Unrecognized token '(.*?)'");
    private static final Pattern NON_STANDARD = Pattern.compile("Non-standard token '(.*?)'");
    private static final Pattern CONTROL = Pattern.compile("Illegal unquoted character \\(\\(CTRL-CHAR, code (\\d+)\\)\\)");
    private static final Pattern UTF8 = Pattern.compile("Invalid UTF-8 (.*)");
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*?)'");
    private static final Pattern INTERNALS = Pattern.compile(" \\(start marker at \\[.*|: enable `.*|\\s*at \\[Source.*");
    private static final int SHOWN = 40;

    private JsonSyntax() {
    }

    /** The line the parser stopped on, or {@code fallback} when it does not say. */
    public static long line(JsonProcessingException e, long fallback) {
        JsonLocation at = e.getLocation();
        return at != null && at.getLineNr() > 0 ? at.getLineNr() : fallback;
    }

    /** What was expected where the parser stopped: "expected a closing } for the object opened on line 3", … */
    public static String expected(JsonProcessingException e) {
        return expected(e, false);
    }

    /**
     * Leading zero bytes make Jackson guess UTF-32 and fail with a CharConversionException, an IOException though the
     * read went well: bad content (found by fuzzing), said as such.
     */
    public static String notUtf8(java.io.CharConversionException e) {
        return "expected JSON text in UTF-8 (" + e.getMessage() + ")";
    }

    /** The same for one line of JSON Lines, where the end of the input is the end of the line. */
    public static String expectedInLine(JsonProcessingException e) {
        return expected(e, true);
    }

    /** Whether the parser stopped at the end of its input (a cut file), not at a wrong character. */
    static boolean endsEarly(JsonProcessingException e) {
        String m = firstLine(e.getOriginalMessage());
        return e instanceof com.fasterxml.jackson.core.io.JsonEOFException || m.startsWith("Unexpected end-of-input")
                || UNCLOSED.matcher(m).find();
    }

    private static String expected(JsonProcessingException e, boolean oneLine) {
        String endsInside = oneLine ? "the line ends inside it" : "the file ends inside it (cut short?)";
        String m = firstLine(e.getOriginalMessage());
        Matcher g;
        if (e instanceof InputCoercionException && (g = OUT_OF_RANGE.matcher(m)).find()) {
            return "expected a whole number within the 64-bit range, found " + shown(g.group(1));
        }
        if ((g = UNCLOSED.matcher(m)).find()) {
            return "expected a closing " + (g.group(1).equals("Object") ? "} for the object" : "] for the array")
                    + (oneLine ? "" : " opened on line " + g.group(2)) + "; " + endsInside;
        }
        if (m.startsWith("Unexpected end-of-input")) {
            return "expected " + (m.contains("Object entries") ? "the rest of an object"
                    : m.contains("Array entries") ? "the rest of an array"
                    : m.contains("field name") ? "the rest of a field name"
                    : m.contains("string") || m.contains("quote") ? "a closing quote" : "more JSON")
                    + "; " + endsInside;
        }
        if ((g = UNEXPECTED.matcher(m)).find()) {
            if (g.group(2) != null) {
                return "expected a number (" + g.group(2).toLowerCase(Locale.ROOT) + "), found "
                        + shown(g.group(1));
            }
            String want = g.group(3) == null ? "valid JSON" : g.group(3).startsWith("a valid value")
                    ? "a JSON value (a string, number, array, object, true, false or null)"
                    : g.group(3).replace("double-quote", "a double quote")
                    .replaceAll("^(comma|colon)", "a $1").replace("Object entries", "an object's fields")
                    .replace("Array entries", "an array's values");
            return "expected " + want.strip() + ", found " + shown(g.group(1));
        }
        if ((g = UNRECOGNIZED.matcher(m)).find()) {
            return "expected a JSON value (a string, number, array, object, true, false or null), found '"
                    + shown(g.group(1)) + "'";
        }
        if ((g = NON_STANDARD.matcher(m)).find()) {
            return "expected a finite JSON number, found " + shown(g.group(1)) + " (not valid JSON)";
        }
        if ((g = CONTROL.matcher(m)).find()) {
            return "expected control characters inside a string to be escaped, found a raw one (code " + g.group(1)
                    + ")";
        }
        if ((g = UTF8.matcher(m)).find()) {
            return "expected UTF-8 text, found an invalid " + g.group(1);
        }
        if ((g = DUPLICATE.matcher(m)).find()) {
            return "expected each field once, found \"" + shown(g.group(1)) + "\" twice";
        }
        return "expected well-formed JSON (" + INTERNALS.matcher(m).replaceAll("") + ")";
    }

    private static String firstLine(String m) {
        if (m == null) {
            return "";
        }
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    private static String shown(String s) {
        return s.length() > SHOWN ? s.substring(0, SHOWN) + "…" : s;
    }
}
