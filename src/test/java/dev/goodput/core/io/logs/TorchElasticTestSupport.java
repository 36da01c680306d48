package dev.goodput.core.io.logs;

import dev.goodput.core.io.InputException;
import dev.goodput.core.io.LoadMode;
import dev.goodput.core.model.Times;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Shared by the tests of the torchrun-side recognisers (torchelastic, NeMo, torchtitan, MaxText). */
final class TorchElasticTestSupport {
    private TorchElasticTestSupport() {
    }

    static Path resource(String name) {
        try {
            return Path.of(TorchElasticTestSupport.class.getResource("/logs/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static FileEvents read(Path file, String... formats) throws IOException, InputException {
        return read(file, LoadMode.STRICT, formats);
    }

    static FileEvents read(Path file, LoadMode mode, String... formats) throws IOException, InputException {
        List<LogFormat> list = formats.length == 0 ? LogFormats.all()
                : java.util.Arrays.stream(formats).map(LogFormats::byId).toList();
        return new TrainerLogReader(list, ZoneOffset.UTC, mode).read(file);
    }

    static <T extends TrainerEvent> List<T> of(FileEvents f, Class<T> type) {
        return f.events().stream().filter(type::isInstance).map(type::cast).toList();
    }

    static Path write(Path dir, String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    static Path gzip(Path source, Path dir) throws IOException {
        Path gz = dir.resolve(source.getFileName() + ".gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(source, o);
        }
        return gz;
    }

    static Path crlf(Path source, Path dir) throws IOException {
        Path p = dir.resolve("crlf-" + source.getFileName());
        String text = Files.readString(source, StandardCharsets.UTF_8);
        Files.writeString(p, text.replace("\r\n", "\n").replace("\n", "\r\n"), StandardCharsets.UTF_8);
        return p;
    }

    /** Epoch µs of a UTC date and time. */
    static long utc(int y, int mo, int d, int h, int mi, int s, int micros) {
        return LocalDateTime.of(y, mo, d, h, mi, s).toEpochSecond(ZoneOffset.UTC) * 1_000_000L + micros;
    }

    /** {@code t}, a yearless time placed in {@code year} (UTC) unless the reader placed it already. */
    static long inYear(long t, int year) {
        return LogTime.isYearless(t) ? new LogTime(ZoneOffset.UTC).resolve(t, year) : t;
    }

    static boolean unknown(long t) {
        return t == Times.UNKNOWN;
    }
}
