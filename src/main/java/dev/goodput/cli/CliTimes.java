package dev.goodput.cli;

import picocli.CommandLine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Parses window bounds given on the command line: ISO-8601 with offset, or epoch seconds. */
final class CliTimes {
    private CliTimes() {
    }

    static long parseMicros(String text, String what, CommandLine cmd) {
        String t = text.trim();
        try {
            return new BigDecimal(t).movePointRight(6).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            try {
                var i = OffsetDateTime.parse(t).toInstant();
                return i.getEpochSecond() * 1_000_000L + i.getNano() / 1000L;
            } catch (DateTimeParseException e2) {
                throw new CommandLine.ParameterException(cmd,
                        "expected " + what + " as ISO-8601 with offset (2024-05-01T12:00:00Z) or epoch seconds, "
                                + "found \"" + text + "\"");
            }
        }
    }
}
