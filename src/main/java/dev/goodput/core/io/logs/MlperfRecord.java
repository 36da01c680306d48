package dev.goodput.core.io.logs;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;

import java.io.IOException;

/**
 * One {@code :::MLLOG} record's fields, read with a streaming parser (one small parser per record; a large
 * {@code value} is skipped, not built). Reused from line to line.
 */
final class MlperfRecord {
    /** Python's json writes NaN and Infinity (an eval_accuracy of NaN): accepted. */
    static final JsonFactory JSON = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).build())
            .build();

    long timeUs;
    String key;
    String status;
    /** The value as written when it is a scalar (a string's text, a number's digits), else null. */
    String valueText;
    double value;
    double firstEpochNum;
    double epochCount;
    double epochNum;
    double samplesCount;

    private void clear() {
        timeUs = Long.MIN_VALUE;
        key = null;
        status = null;
        valueText = null;
        value = Double.NaN;
        firstEpochNum = Double.NaN;
        epochCount = Double.NaN;
        epochNum = Double.NaN;
        samplesCount = Double.NaN;
    }

    /** The progress counter the record's metadata carries ({@code epoch_num}, else {@code samples_count}), or NaN. */
    double counter() {
        return !Double.isNaN(epochNum) ? epochNum : samplesCount;
    }

    /** The value as a whole number, or -1. */
    long valueLong() {
        return Double.isFinite(value) && value == Math.rint(value) ? (long) value : -1;
    }

    /**
     * Reads the JSON object starting at {@code from} in {@code text} (what follows it is ignored).
     *
     * @throws BadRecord when it is not a whole JSON object with a {@code key} and a {@code time_ms}
     */
    void parse(String text, int from, String tag) throws BadRecord {
        clear();
        try (JsonParser p = JSON.createParser(text.substring(from))) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new BadRecord("expected a JSON object after '" + tag + "'");
            }
            JsonToken tok;
            while ((tok = p.nextToken()) == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                tok = p.nextToken();
                switch (field) {
                    case "time_ms" -> {
                        if (tok.isNumeric()) {
                            timeUs = tok == JsonToken.VALUE_NUMBER_INT ? Math.multiplyExact(p.getLongValue(), 1000L)
                                    : Math.round(p.getDoubleValue() * 1000);
                        } else {
                            p.skipChildren();
                        }
                    }
                    case "key" -> key = tok == JsonToken.VALUE_STRING ? p.getText() : null;
                    case "value" -> {
                        if (tok.isScalarValue() && tok != JsonToken.VALUE_NULL) {
                            valueText = p.getText();
                            if (tok.isNumeric()) {
                                value = p.getDoubleValue();
                            }
                        } else {
                            p.skipChildren();
                        }
                    }
                    case "metadata" -> {
                        if (tok == JsonToken.START_OBJECT) {
                            metadata(p);
                        } else {
                            p.skipChildren();
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            if (tok != JsonToken.END_OBJECT) {
                throw new BadRecord("expected a whole JSON object after '" + tag + "'");
            }
        } catch (JsonProcessingException | ArithmeticException e) {
            throw new BadRecord("expected a whole JSON object after '" + tag + "' (" + brief(e) + ")");
        } catch (IOException e) {
            throw new BadRecord("expected a JSON object after '" + tag + "' (" + e.getMessage() + ")");
        }
        if (key == null) {
            throw new BadRecord("expected a \"key\" string in the " + tag + " record");
        }
        if (timeUs == Long.MIN_VALUE) {
            throw new BadRecord("expected a \"time_ms\" number in the " + tag + " record");
        }
    }

    private void metadata(JsonParser p) throws IOException {
        JsonToken tok;
        while ((tok = p.nextToken()) == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            tok = p.nextToken();
            switch (field) {
                case "status" -> status = tok == JsonToken.VALUE_STRING ? p.getText() : null;
                case "first_epoch_num" -> firstEpochNum = number(p, tok);
                case "epoch_count" -> epochCount = number(p, tok);
                case "epoch_num" -> epochNum = number(p, tok);
                case "samples_count" -> samplesCount = number(p, tok);
                default -> p.skipChildren();
            }
        }
    }

    private static double number(JsonParser p, JsonToken tok) throws IOException {
        if (tok.isNumeric()) {
            double v = p.getDoubleValue();
            return Double.isFinite(v) ? v : Double.NaN;
        }
        p.skipChildren();
        return Double.NaN;
    }

    /** Jackson's message without its source excerpt. */
    static String brief(Exception e) {
        String m = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        if (m == null) {
            return e.getClass().getSimpleName();
        }
        int nl = m.indexOf('\n');
        return nl >= 0 ? m.substring(0, nl) : m;
    }
}
