package dev.goodput.core.profile;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The fast reading of decimal µs gives what BigDecimal gives, to the nanosecond, for every text. */
class DecimalMicrosTest {
    @Property(tries = 3000)
    void equalsBigDecimalHalfEven(@ForAll("decimals") String text) {
        assertEquals(reference(text), DecimalMicros.toNanos(text.toCharArray(), 0, text.length()), text);
    }

    @Test
    void examples() {
        assertEquals(4458676983543183L, nanos("4458676983543.183"));
        assertEquals(1712181698153412123L, nanos("1712181698153412.1234")); // epoch µs: 16 digits
        assertEquals(9223372036854774000L, nanos("9223372036854774"));
        assertEquals(Long.MIN_VALUE, nanos("9223372036854776"));
        assertEquals(1500L, nanos("1.5"));
        assertEquals(2L, nanos("0.0025")); // exactly half: to even
        assertEquals(4L, nanos("0.0035"));
        assertEquals(3L, nanos("0.00250001"));
        assertEquals(-3L, nanos("-0.00250001"));
        assertEquals(1000L, nanos("1."));
        assertEquals(500L, nanos(".5"));
        assertEquals(1_500_000L, nanos("1.5e3"));
        assertEquals(1500L, nanos(" 1.5 "));
        assertEquals(Long.MIN_VALUE, nanos("abc"));
        assertEquals(Long.MIN_VALUE, nanos("1e400"));
        assertEquals(Long.MIN_VALUE, nanos(""));
        assertEquals(Long.MIN_VALUE, nanos("99999999999999999999.5"));
        // Short texts of huge or tiny numbers: answered at once, not computed digit by digit.
        assertEquals(Long.MIN_VALUE, nanos("1e99999999"));
        assertEquals(0L, nanos("1e-99999999"));
        assertEquals(0L, nanos("-4e-5"));
    }

    @Test
    void truncatedLongs() {
        assertEquals(12L, DecimalMicros.truncatedLong(" 12.7 "));
        assertEquals(-12L, DecimalMicros.truncatedLong("-12.7"));
        assertEquals(0L, DecimalMicros.truncatedLong("0.9"));
        assertEquals(0L, DecimalMicros.truncatedLong("1e-99999999"));
        assertEquals(Long.MIN_VALUE, DecimalMicros.truncatedLong("1e99999999"));
        assertEquals(Long.MIN_VALUE, DecimalMicros.truncatedLong("pid 7"));
        assertEquals(Long.MAX_VALUE, DecimalMicros.truncatedLong("9223372036854775807"));
    }

    @Provide
    Arbitrary<String> decimals() {
        Arbitrary<String> integer = Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(19);
        Arbitrary<String> fraction = Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(12);
        Arbitrary<String> exponent = Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(3);
        Arbitrary<String> sign = Arbitraries.of("", "-", "+");
        // Exponents stay small here: the reference (BigDecimal) itself takes minutes on 1e99999999.
        Arbitrary<String> dot = Arbitraries.of(".", ".", ".", "", "e", "E-2", " ");
        return Combinators.combine(sign, integer, dot, fraction, exponent)
                .as((s, i, d, f, e) -> s + i + (d.equals(".") ? d + f : d + e));
    }

    private static long nanos(String text) {
        return DecimalMicros.toNanos(text.toCharArray(), 0, text.length());
    }

    private static long reference(String text) {
        try {
            return new BigDecimal(text.trim()).movePointRight(3).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            return Long.MIN_VALUE;
        }
    }
}
