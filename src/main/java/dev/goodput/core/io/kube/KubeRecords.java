package dev.goodput.core.io.kube;

import dev.goodput.core.io.InputException;
import dev.goodput.core.io.LoadMode;
import dev.goodput.core.io.ReadLimits;
import dev.goodput.core.io.logs.FileEvents;
import dev.goodput.core.io.logs.TrainerEvent;
import dev.goodput.core.model.Problem;
import dev.goodput.core.model.Source;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Kubernetes records of one load — any number of {@code kubectl get pods -o json} and
 * {@code kubectl get events -o json} exports — merged into the events of one source. Kubernetes keeps events for
 * about an hour, so a run's events come in several exports: an event seen in two is one (by its {@code uid}; the
 * later view, with the higher count and last time, wins), and so is a container run seen in two pod exports (by pod
 * uid, container and restart index; an ended run over a running one). When pods are given, events about other pods
 * (a namespace's other workloads) are left out, as are node events of other nodes.
 */
public final class KubeRecords {
    /** Format ids in {@link FileEvents#formats()}: pods read, events read (each counted once). */
    public static final String PODS_FORMAT = "kubernetes-pods";
    public static final String EVENTS_FORMAT = "kubernetes-events";

    private final LoadMode mode;
    private final ReadLimits limits;
    private final List<KubeReader.Export> exports = new ArrayList<>();

    public KubeRecords(LoadMode mode) {
        this(mode, ReadLimits.DEFAULTS);
    }

    public KubeRecords(LoadMode mode, ReadLimits limits) {
        this.mode = mode;
        this.limits = limits;
    }

    /**
     * Reads one export and keeps it for merging.
     *
     * @throws InputException in strict mode at the first record that cannot be read, naming its file and line
     */
    public void read(Path file) throws IOException, InputException {
        exports.add(KubeReader.read(file, mode, limits));
    }

    public boolean isEmpty() {
        return exports.isEmpty();
    }

    /** How many exports were read. */
    public int exports() {
        return exports.size();
    }

    /** Every export's records as the events of one source, in time order; named after the first export. */
    public FileEvents fileEvents() {
        List<Problem> problems = new ArrayList<>();
        long lines = 0;
        Map<String, PodRun> runs = new LinkedHashMap<>();
        Map<String, KubeEvent> events = new LinkedHashMap<>();
        List<KubeEvent> keyless = new ArrayList<>();
        for (KubeReader.Export x : exports) {
            problems.addAll(x.problems());
            lines += x.lines();
            for (PodRun r : x.runs()) {
                runs.merge(r.key(), r, (old, now) -> now.saysMoreThan(old) ? now : old);
            }
            for (KubeEvent e : x.events()) {
                if (e.key() == null) {
                    keyless.add(e);
                } else {
                    events.merge(e.key(), e, (old, now) -> now.newerThan(old) ? now : old);
                }
            }
        }
        List<KubeEvent> all = new ArrayList<>(events.values());
        all.addAll(keyless);

        // Pods are known by uid and by namespace/name: a pod deleted and made again under its name is another uid.
        Map<String, String> podNodes = new HashMap<>();
        Set<String> pods = new LinkedHashSet<>();
        Set<String> owners = new HashSet<>();
        Set<String> nodes = new HashSet<>();
        for (PodRun r : runs.values()) {
            pods.add(r.pod());
            if (r.podUid() != null) {
                pods.add(r.podUid());
            }
            if (r.owner() != null) {
                owners.add(r.owner());
            }
            for (String n : r.job().nodes()) {
                podNodes.put(r.pod(), n);
                if (r.podUid() != null) {
                    podNodes.put(r.podUid(), n);
                }
                nodes.add(n);
            }
        }
        for (KubeEvent e : all) {
            String n = e.assignedNode();
            if (n != null) {
                podNodes.putIfAbsent(e.uid() != null ? e.uid() : e.object(), n);
            }
        }

        List<TrainerEvent> out = new ArrayList<>();
        for (PodRun r : runs.values()) {
            out.add(r.job());
            if (r.started() != null) {
                out.add(r.started());
            }
        }
        Set<String> leftOut = new LinkedHashSet<>();
        long eventCount = 0;
        for (KubeEvent e : all) {
            if (!runs.isEmpty() && !ofTheRun(e, pods, owners, nodes)) {
                leftOut.add(e.object());
                continue;
            }
            eventCount++;
            String podNode = e.uid() != null ? podNodes.get(e.uid()) : null;
            out.addAll(e.events(podNode != null ? podNode : podNodes.get(e.object())));
        }
        if (!leftOut.isEmpty()) {
            problems.add(Problem.warning(new Source(exports.get(0).file(), 0), "events about " + leftOut.size()
                    + " pods or nodes not among the exported pods' left out: " + String.join(", ",
                    leftOut.stream().limit(5).toList()) + (leftOut.size() > 5 ? ", …" : "")));
        }
        out.sort(Comparator.comparingLong(TrainerEvent::timeUs)); // stable: same-time records keep their order
        Map<String, Long> formats = new LinkedHashMap<>();
        formats.put(PODS_FORMAT, runs.values().stream().map(PodRun::pod).distinct().count());
        formats.put(EVENTS_FORMAT, eventCount);
        return new FileEvents(exports.get(0).file(), out, formats, lines, problems);
    }

    /**
     * Whether an event is about the exported pods: one of them, a pod of the same job that is gone from the export
     * (a Job's or operator's pods are named after it: "train-worker-0", "train-x7k2p"), or a node they ran on.
     */
    private static boolean ofTheRun(KubeEvent e, Set<String> pods, Set<String> owners, Set<String> nodes) {
        if ("Node".equals(e.kind())) {
            return nodes.contains(e.object());
        }
        if (pods.contains(e.object()) || e.uid() != null && pods.contains(e.uid())) {
            return true;
        }
        String name = e.object().substring(e.object().lastIndexOf('/') + 1);
        for (String owner : owners) {
            if (name.startsWith(owner + "-")) {
                return true;
            }
        }
        return false;
    }
}
