package dev.goodput.core.io.logs;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.goodput.core.profile.PeakFlopsTable;

import java.io.IOException;
import java.util.Locale;

/** The accelerator and how many of them an MLPerf log names (submission_platform, NVIDIA's SYSJSON). */
final class MlperfPlatform {
    /** NVIDIA DGX systems with 8 GPUs each (DGX GB200 is a rack of 72 and is left without a count). */
    private static final String[] DGX8 = {"A100", "H100", "H200", "B200"};

    private MlperfPlatform() {
    }

    /** An accelerator name (or null) and how many (0 when not told). */
    record Accelerators(String accelerator, long count) {
        static final Accelerators NONE = new Accelerators(null, 0);
    }

    /**
     * Reads {@code submission_platform}. MLPerf writes {@code <nodes>x<system>} ("64xNVIDIA DGX H100",
     * "1xMI325X") or a bare name ("tpu-v5p", "MI355X", or a cluster's name such as "rivanna"):
     * <ul>
     *   <li>a DGX A100/H100/H200/B200 system: the accelerator is "NVIDIA H100" etc., and there are 8 per node;</li>
     *   <li>"tpu-v5p": the accelerator is "TPU v5p" (the count, in the submission's folder name, is not in the log);</li>
     *   <li>any other name is taken as the accelerator only when the peak-FLOPs table knows it (so a cluster name
     *   is not mistaken for one); its count per node is unknown.</li>
     * </ul>
     */
    static Accelerators parse(String platform) {
        if (platform == null || platform.isBlank()) {
            return Accelerators.NONE;
        }
        String p = platform.trim();
        long nodes = 0;
        int i = 0;
        while (i < p.length() && i < 7 && Character.isDigit(p.charAt(i))) {
            i++;
        }
        if (i > 0 && i + 1 < p.length() && (p.charAt(i) == 'x' || p.charAt(i) == 'X')) {
            nodes = Long.parseLong(p.substring(0, i));
            p = p.substring(i + 1).trim();
        }
        String upper = p.toUpperCase(Locale.ROOT);
        int dgx = upper.indexOf("DGX");
        if (dgx >= 0) {
            String model = upper.substring(dgx + 3).trim().split("[\\s_-]+", 2)[0];
            for (String m : DGX8) {
                if (m.equals(model)) {
                    return new Accelerators("NVIDIA " + m, nodes > 0 ? nodes * 8 : 0);
                }
            }
            return model.isEmpty() ? Accelerators.NONE : new Accelerators("NVIDIA " + model, 0);
        }
        if (upper.startsWith("TPU-") || upper.startsWith("TPU ")) {
            return new Accelerators("TPU " + p.substring(4).trim(), 0);
        }
        return PeakFlopsTable.deviceFor(p).isPresent() ? new Accelerators(p, 0) : Accelerators.NONE;
    }

    /**
     * Reads NVIDIA's {@code :::SYSJSON} system description: {@code accelerator_model_name}, and
     * {@code number_of_nodes} × {@code accelerators_per_node} accelerators (both written as strings).
     */
    static Accelerators sysJson(String text, int from) throws BadRecord {
        String accelerator = null;
        long nodes = 0;
        long perNode = 0;
        try (JsonParser p = MlperfRecord.JSON.createParser(text.substring(from))) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new BadRecord("expected a JSON object after '" + MlperfRecogniser.SYS_TAG + "'");
            }
            JsonToken tok;
            while ((tok = p.nextToken()) == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                tok = p.nextToken();
                switch (field) {
                    case "accelerator_model_name" -> {
                        if (tok == JsonToken.VALUE_STRING && !p.getText().isBlank()) {
                            accelerator = p.getText().trim();
                        }
                    }
                    case "number_of_nodes" -> nodes = count(p, tok);
                    case "accelerators_per_node" -> perNode = count(p, tok);
                    default -> p.skipChildren();
                }
            }
            if (tok != JsonToken.END_OBJECT) {
                throw new BadRecord("expected a whole JSON object after '" + MlperfRecogniser.SYS_TAG + "'");
            }
        } catch (JsonProcessingException e) {
            throw new BadRecord("expected a whole JSON object after '" + MlperfRecogniser.SYS_TAG + "' ("
                    + MlperfRecord.brief(e) + ")");
        } catch (IOException e) {
            throw new BadRecord("expected a JSON object after '" + MlperfRecogniser.SYS_TAG + "' ("
                    + e.getMessage() + ")");
        }
        return new Accelerators(accelerator, nodes > 0 && perNode > 0 ? nodes * perNode : 0);
    }

    /** A count written as a number or a string of digits ("64"), else 0. */
    private static long count(JsonParser p, JsonToken tok) throws IOException {
        if (tok == JsonToken.VALUE_NUMBER_INT) {
            return Math.max(0, p.getLongValue());
        }
        if (tok == JsonToken.VALUE_STRING) {
            String s = p.getText().trim();
            if (!s.isEmpty() && s.length() < 10 && s.chars().allMatch(Character::isDigit)) {
                return Long.parseLong(s);
            }
            return 0;
        }
        p.skipChildren();
        return 0;
    }
}
