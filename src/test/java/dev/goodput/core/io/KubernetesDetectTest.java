package dev.goodput.core.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * kubectl's JSON is told apart by its objects' apiVersion and kind (a list by its first item's), never by a
 * substring; a list of other objects is refused with one line naming the file and what it holds.
 */
class KubernetesDetectTest {
    static final Path LOGS = Path.of("src/test/resources/logs");

    @TempDir
    Path dir;

    @Test
    void realAndHandmadeExportsAreKubernetes() throws Exception {
        for (String f : List.of("troubleshoot__kubectl_pods_oomkill_job.json", "troubleshoot__kubectl_pods_pending_gpu.json",
                "troubleshoot__kubectl_pods_crashloop_backoff.json",
                "troubleshoot__kubectl_events_oomkill_job_gpu_pending.json",
                "troubleshoot__kubectl_events_crashloop_backoff.json",
                "handmade/kubernetes/kubectl_pods_llama-ft_1230.json", "handmade/kubernetes/kubectl_events_1315.json",
                "handmade/kubernetes/kubectl_events_watch.json")) {
            assertEquals(InputFormat.KUBERNETES, RunLoader.detect(LOGS.resolve(f)), f);
        }
    }

    /**
     * kubectl's own List (keys sorted: items before kind), the API's PodList with items that lack a kind, one Pod,
     * one events.k8s.io Event, a watch event wrapping a Pod, a bare array of Events ({@code jq .items}), an empty
     * List (every event expired) — and a List mixing Pods and Events ({@code kubectl get pods,events -o json}).
     */
    @Test
    void everyShapeKubectlWrites() throws Exception {
        String pod = "{\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"metadata\": {\"name\": \"p\"}, \"spec\": "
                + "{\"containers\": [{\"name\": \"c\"}]}}";
        String event = "{\"apiVersion\": \"v1\", \"involvedObject\": {\"kind\": \"Pod\", \"name\": \"p\"}, "
                + "\"kind\": \"Event\", \"reason\": \"Scheduled\"}";
        for (String json : List.of(
                "{\"apiVersion\": \"v1\", \"items\": [" + pod + "], \"kind\": \"List\", \"metadata\": {}}",
                "{\"kind\": \"PodList\", \"apiVersion\": \"v1\", \"items\": [{\"metadata\": {\"name\": \"p\"}, "
                        + "\"spec\": {\"containers\": []}}]}",
                pod,
                "{\"apiVersion\": \"events.k8s.io/v1\", \"kind\": \"Event\", \"note\": \"n\", \"reason\": \"Started\", "
                        + "\"regarding\": {\"kind\": \"Pod\", \"name\": \"p\"}}",
                "{\"type\": \"MODIFIED\", \"object\": " + pod + "}",
                "[" + event + "]",
                "{\"apiVersion\": \"v1\", \"items\": [], \"kind\": \"List\", \"metadata\": {\"resourceVersion\": \"\"}}",
                "{\"apiVersion\": \"v1\", \"items\": [" + event + ", " + pod + "], \"kind\": \"List\"}")) {
            assertEquals(InputFormat.KUBERNETES, RunLoader.detect(write(json)), json);
        }
    }

    /** {@code kubectl get nodes -o json}, {@code kubectl get jobs -o json}, one Deployment: refused, naming the kind. */
    @Test
    void otherKubernetesObjectsAreRefused() throws Exception {
        Path nodes = write("{\n    \"apiVersion\": \"v1\",\n    \"items\": [\n        {\n            \"apiVersion\": "
                + "\"v1\",\n            \"kind\": \"Node\",\n            \"metadata\": {\"name\": \"gpu-node-a\"}\n        }"
                + "\n    ],\n    \"kind\": \"List\",\n    \"metadata\": {\"resourceVersion\": \"\"}\n}\n");
        InputException e = assertThrows(InputException.class, () -> RunLoader.detect(nodes));
        assertEquals(nodes + ":1: expected a kubectl List of Pods or Events, found items of kind Node", e.getMessage());

        Path jobs = write("{\"kind\": \"JobList\", \"apiVersion\": \"batch/v1\", \"items\": [{\"metadata\": "
                + "{\"name\": \"train\"}, \"spec\": {\"template\": {}}}]}");
        e = assertThrows(InputException.class, () -> RunLoader.detect(jobs));
        assertEquals(jobs + ":1: expected a kubectl List of Pods or Events, found items of kind Job", e.getMessage());

        Path deployment = write("{\"apiVersion\": \"apps/v1\", \"kind\": \"Deployment\", \"metadata\": {}}");
        e = assertThrows(InputException.class, () -> RunLoader.detect(deployment));
        assertEquals(deployment + ":1: expected a kubectl List of Pods or Events (or a Pod or an Event), found a "
                + "Deployment", e.getMessage());

        RunLoader strict = new RunLoader(LoadMode.STRICT);
        e = assertThrows(InputException.class, () -> strict.load(List.of(nodes)));
        assertEquals(nodes + ":1: expected a kubectl List of Pods or Events, found items of kind Node", e.getMessage());
    }

    /** JSON that merely mentions Kubernetes words is not taken for it: the other formats' checks stand. */
    @Test
    void otherJsonStaysWhatItIs() throws Exception {
        assertEquals(InputFormat.RUN_LOG_JSONL, RunLoader.detect(write("{\"event\": \"fault\", \"kind\": \"Pod\", "
                + "\"time\": 0}\n")));
        assertEquals(InputFormat.ML_GOODPUT, RunLoader.detect(write("[{\"job_name\": \"kind\", \"step_count\": 1}]")));
        Path items = write("{\"items\": [{\"name\": \"a\"}]}");
        InputException e = assertThrows(InputException.class, () -> RunLoader.detect(items));
        assertEquals(items + ":1: expected a run log (JSON Lines with an \"event\" field), ml-goodput-measurement "
                + "entries, a Hugging Face trainer_state.json (\"log_history\"), or kubectl's JSON of Pods or Events; "
                + "the first record has the fields items", e.getMessage());
    }

    /**
     * An export cut inside its first object (kubectl's List names its own kind only at its end) is still told by what
     * was read of its first item, so the reader says where the file ends instead of "no known format".
     */
    @Test
    void exportCutInItsFirstObjectIsStillKubernetes() throws Exception {
        for (String f : List.of("handmade/kubernetes/kubectl_events_1230.json",
                "handmade/kubernetes/kubectl_pods_llama-ft_1230.json")) {
            String whole = Files.readString(LOGS.resolve(f));
            for (int cut : new int[]{300, 1000, 5000}) {
                Path file = write(whole.substring(0, cut));
                assertEquals(InputFormat.KUBERNETES, RunLoader.detect(file), f + " cut at " + cut);
                InputException e = assertThrows(InputException.class,
                        () -> new RunLoader(LoadMode.STRICT).load(List.of(file)));
                assertTrue(e.getMessage().endsWith("the file ends inside it (cut short?)"), e.getMessage());
            }
        }
        // Cut before anything tells the kind: what it is not, as for any JSON.
        Path early = write("{\n    \"apiVersion\": \"v1\",\n    \"items\": [\n        {\n            \"apiV");
        InputException e = assertThrows(InputException.class, () -> RunLoader.detect(early));
        assertTrue(e.getMessage().contains("the first record has the fields apiVersion, items"), e.getMessage());
    }

    private Path write(String text) throws Exception {
        return Files.writeString(Files.createTempFile(dir, "k", ".json"), text);
    }
}
