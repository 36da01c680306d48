package dev.goodput.core.io.kube;

import dev.goodput.core.io.logs.BadRecord;
import dev.goodput.core.io.logs.TrainerEvent;
import dev.goodput.core.model.CauseCatalog;
import dev.goodput.core.model.EndReason;
import dev.goodput.core.model.Source;
import dev.goodput.core.model.Times;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One Kubernetes Event about a Pod or a Node, as {@code kubectl get events -o json} lists it ({@code v1} Events, and
 * {@code events.k8s.io/v1} ones with {@code regarding} and {@code note}). An event seen {@code count} times is one
 * object whose first and last occurrences are kept.
 *
 * @param key      its {@code metadata.uid} (else namespace/name): the same event in two exports
 * @param kind     what it is about: "Pod" or "Node"
 * @param object   namespace/name of the pod, or the node's name
 * @param uid      the uid of the pod (or node) it is about, or null
 * @param node     the node it happened on when the event says (a Node event's node, the kubelet's host), or null
 * @param reason   the event's reason ("Scheduled", "OOMKilling")
 * @param message  its message
 * @param firstUs  its first occurrence (epoch µs)
 * @param lastUs   its last occurrence
 * @param count    how many times it happened between them
 * @param source   the event object's first line
 */
record KubeEvent(String key, String kind, String object, String uid, String node, String reason, String message, long firstUs,
                 long lastUs, long count, Source source) {
    /** Node events taken: the rest (NodeReady, NodeHasSufficientMemory, Starting …) are not about the job. */
    static final List<String> NODE_REASONS = List.of("NodeNotReady", "OOMKilling", "SystemOOM", "Rebooted");

    /** Reads one Event object; null when it is about another kind of object (a ReplicaSet, a Job …). */
    static KubeEvent of(String file, LocatedObject e) throws BadRecord {
        LocatedObject about = e.object("involvedObject");
        if (about == null) {
            about = e.object("regarding");
        }
        if (about == null) {
            throw new BadRecord("expected an \"involvedObject\" (or \"regarding\") object in the Event");
        }
        String kind = about.text("kind");
        String reason = e.text("reason");
        if (!"Pod".equals(kind) && !("Node".equals(kind) && NODE_REASONS.contains(reason))) {
            return null;
        }
        String name = about.text("name");
        if (name == null || reason == null) {
            throw new BadRecord("expected the Event to name its object and its \"reason\"");
        }
        String ns = about.text("namespace");
        String message = e.text("message");
        if (message == null) {
            message = e.text("note");
        }
        LocatedObject series = e.object("series");
        long first = e.time("eventTime", Times.UNKNOWN);
        if (first == Times.UNKNOWN) {
            first = e.time("firstTimestamp", e.time("deprecatedFirstTimestamp", Times.UNKNOWN));
        }
        long last = series != null ? series.time("lastObservedTime", Times.UNKNOWN) : Times.UNKNOWN;
        if (last == Times.UNKNOWN) {
            last = e.time("lastTimestamp", e.time("deprecatedLastTimestamp", Times.UNKNOWN));
        }
        if (first == Times.UNKNOWN) {
            first = last;
        }
        if (first == Times.UNKNOWN) {
            throw new BadRecord("expected a time in the Event (\"eventTime\", \"firstTimestamp\" or "
                    + "\"lastTimestamp\")");
        }
        if (last == Times.UNKNOWN || last < first) {
            last = first;
        }
        long count = series != null ? series.whole("count", -1) : -1;
        if (count < 0) {
            count = e.whole("count", e.whole("deprecatedCount", 1));
        }
        LocatedObject meta = e.object("metadata");
        String uid = meta == null ? null : meta.text("uid");
        String metaName = meta == null ? null : meta.text("name");
        String metaNs = meta == null ? null : meta.text("namespace");
        String key = uid != null ? uid : metaName == null ? null : metaNs == null ? metaName : metaNs + "/" + metaName;
        String node = "Node".equals(kind) ? name : host(e);
        return new KubeEvent(key, kind, ns == null || "Node".equals(kind) ? name : ns + "/" + name, about.text("uid"),
                node, reason,
                message == null ? "" : message.strip(), first, last, Math.max(1, count), new Source(file, e.line()));
    }

    /** The node a pod's event comes from: the kubelet that reported it. */
    private static String host(LocatedObject e) throws BadRecord {
        LocatedObject src = e.object("source");
        String host = src == null ? null : src.text("host");
        if (host != null && !host.isBlank()) {
            return host;
        }
        String component = e.text("reportingComponent");
        if (component == null) {
            component = e.text("reportingController");
        }
        String instance = e.text("reportingInstance");
        return "kubelet".equals(component) && instance != null && !instance.isBlank() ? instance : null;
    }

    /** Which of two views of the same event is the later: the one seen last, or seen more often. */
    boolean newerThan(KubeEvent other) {
        return lastUs != other.lastUs ? lastUs > other.lastUs : count >= other.count;
    }

    /** The node a "Scheduled" event assigned its pod to ("Successfully assigned ns/pod to node"), or null. */
    String assignedNode() {
        if (!reason.equals("Scheduled")) {
            return null;
        }
        int to = message.lastIndexOf(" to ");
        return to < 0 ? null : message.substring(to + 4).strip();
    }

    /**
     * What the event says of the run, at its first occurrence and, when it recurred later, at its last:
     * a fault (an OOM kill, an eviction, a node gone not ready or rebooted), a preemption (the job's end), or a marker
     * (scheduling, image pulls, container starts, back-offs, kills, mounts …).
     *
     * @param podNode the node the pod ran on when known from elsewhere, for events that do not name it
     */
    List<TrainerEvent> events(String podNode) {
        String at = node != null ? node : "Pod".equals(kind) ? podNode : null;
        String text = reason + ": " + message + (count > 1 && lastUs > firstUs ? " (" + count + " times from "
                + Instant.ofEpochMilli(firstUs / 1000) + " to " + Instant.ofEpochMilli(lastUs / 1000) + ")" : "");
        List<TrainerEvent> out = new ArrayList<>(2);
        out.add(event(firstUs, text, at));
        if (lastUs > firstUs) {
            out.add(event(lastUs, text, at));
        }
        return out;
    }

    private TrainerEvent event(long t, String text, String at) {
        String cause = cause();
        if (cause != null) {
            return new TrainerEvent.Fault(t, source, cause, text, -1, at, null);
        }
        if (preempted()) {
            return new TrainerEvent.End(t, source, EndReason.PREEMPTED, kind.toLowerCase(Locale.ROOT) + " " + object
                    + " " + text);
        }
        return new TrainerEvent.Marker(t, source, kind.toLowerCase(Locale.ROOT) + " " + object + " " + text);
    }

    /** The cause of the fault the event is, or null when it is none. */
    String cause() {
        switch (reason) {
            case "OOMKilling":
            case "OOMKilled":
            case "SystemOOM":
                return CauseCatalog.HOST_OOM.id();
            case "NodeNotReady":
            case "Rebooted":
                return CauseCatalog.NODE_FAILURE.id();
            case "Evicted":
                return PodRuns.mentionsPreemption(message) ? null : CauseCatalog.NODE_FAILURE.id();
            default:
                return null;
        }
    }

    private boolean preempted() {
        return reason.equals("Preempted") || reason.equals("Preempting")
                || reason.equals("Evicted") && PodRuns.mentionsPreemption(message);
    }
}
