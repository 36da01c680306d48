package dev.goodput.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;

import java.io.File;
import java.io.IOException;

/**
 * The baseline of issue 15's third goal (test code, not shipped): a plain Jackson token scan of a file's bytes that
 * builds no objects, run as its own process by {@code bench/peers.sh} against {@code goodput report} on the same file.
 */
public final class JsonTokenScan {
    private JsonTokenScan() {
    }

    public static void main(String[] args) throws IOException {
        long tokens = 0;
        try (JsonParser p = new JsonFactory().createParser(new File(args[0]))) {
            while (p.nextToken() != null) {
                tokens++;
            }
        }
        System.out.println(tokens + " tokens");
    }
}
