package dev.goodput.core.workspace;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.goodput.core.attribution.FaultRole;
import dev.goodput.core.attribution.Overlay;
import dev.goodput.core.attribution.Rule;
import dev.goodput.core.attribution.Tag;
import dev.goodput.core.io.InputException;
import dev.goodput.core.model.Layer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The overlay's sections ({@code tags}, {@code rules}, {@code fault_roles}), as workspaces and attribution files
 * both hold them. Every field is written, null included, so files of the same version always look alike.
 */
final class OverlayJson {
    static final Set<String> SECTIONS = Set.of("tags", "rules", "fault_roles");
    private static final Set<String> TAG_FIELDS = Set.of("id", "start", "end", "cause", "layer", "only_cause",
            "note");
    private static final Set<String> RULE_FIELDS = Set.of("id", "name", "message", "source", "from", "to", "cause",
            "layer", "enabled");
    private static final Set<String> ROLE_FIELDS = Set.of("fault", "role", "root", "note");
    private static final Set<String> FAULT_FIELDS = Set.of("source", "time");

    private OverlayJson() {
    }

    static void write(Overlay overlay, ObjectNode into) {
        ArrayNode tags = into.putArray("tags");
        for (Tag t : overlay.tags()) {
            ObjectNode o = tags.addObject();
            o.put("id", t.id());
            o.put("start", FileTimes.format(t.startUs()));
            o.put("end", FileTimes.format(t.endUs()));
            o.put("cause", t.cause());
            o.put("layer", t.layer().id());
            o.put("only_cause", t.onlyCause());
            o.put("note", t.note());
        }
        ArrayNode rules = into.putArray("rules");
        for (Rule r : overlay.rules()) {
            ObjectNode o = rules.addObject();
            o.put("id", r.id());
            o.put("name", r.name());
            o.put("message", r.messagePattern());
            o.put("source", r.sourcePattern());
            o.put("from", r.fromUs() == Long.MIN_VALUE ? null : FileTimes.format(r.fromUs()));
            o.put("to", r.toUs() == Long.MAX_VALUE ? null : FileTimes.format(r.toUs()));
            o.put("cause", r.cause());
            o.put("layer", r.layer().id());
            o.put("enabled", r.enabled());
        }
        ArrayNode roles = into.putArray("fault_roles");
        for (FaultRole f : overlay.faultRoles()) {
            ObjectNode o = roles.addObject();
            writeFault(f.fault(), o.putObject("fault"));
            o.put("role", f.kind().id());
            if (f.root() == null) {
                o.putNull("root");
            } else {
                writeFault(f.root(), o.putObject("root"));
            }
            o.put("note", f.note());
        }
    }

    private static void writeFault(FaultRole.FaultRef ref, ObjectNode o) {
        o.put("source", ref.source());
        o.put("time", FileTimes.format(ref.timeUs()));
    }

    static Overlay read(JsonDocument doc, ObjectNode from) throws InputException {
        List<Tag> tags = new ArrayList<>();
        Map<String, ObjectNode> tagIds = new HashMap<>();
        for (ObjectNode o : doc.objects(from, "tags")) {
            Tag t = tag(doc, o);
            unique(doc, tagIds, t.id(), o, "tag");
            tags.add(t);
        }
        List<Rule> rules = new ArrayList<>();
        Map<String, ObjectNode> ruleIds = new HashMap<>();
        for (ObjectNode o : doc.objects(from, "rules")) {
            Rule r = rule(doc, o);
            unique(doc, ruleIds, r.id(), o, "rule");
            rules.add(r);
        }
        List<FaultRole> roles = new ArrayList<>();
        for (ObjectNode o : doc.objects(from, "fault_roles")) {
            roles.add(faultRole(doc, o));
        }
        return new Overlay(tags, rules, roles);
    }

    /** Ids name tags and rules in undo and merges, so two with one id would be one thing said twice. */
    private static void unique(JsonDocument doc, Map<String, ObjectNode> seen, String id, ObjectNode o,
                               String what) throws InputException {
        ObjectNode first = seen.putIfAbsent(id, o);
        if (first != null) {
            throw doc.error(o, "id", "a " + what + " id used once, found \"" + id + "\" again (first at line "
                    + doc.at(first).line() + ")");
        }
    }

    private static Tag tag(JsonDocument doc, ObjectNode o) throws InputException {
        doc.ignoreUnknown(o, TAG_FIELDS, "a tag");
        String id = doc.text(o, "id", "the tag's id");
        long start = doc.time(o, "start");
        long end = doc.time(o, "end");
        if (end <= start) {
            throw doc.error(o, "end", "\"end\" after \"start\" (a tag covers [start, end)), found "
                    + FileTimes.format(end) + " for a start at " + FileTimes.format(start));
        }
        return new Tag(id, start, end, doc.text(o, "cause", "a cause id"), layer(doc, o),
                doc.optionalText(o, "only_cause", "a cause id"), doc.optionalText(o, "note", "a note"));
    }

    private static Rule rule(JsonDocument doc, ObjectNode o) throws InputException {
        doc.ignoreUnknown(o, RULE_FIELDS, "a rule");
        String id = doc.text(o, "id", "the rule's id");
        Long from = doc.optionalTime(o, "from");
        Long to = doc.optionalTime(o, "to");
        long fromUs = from == null ? Long.MIN_VALUE : from;
        long toUs = to == null ? Long.MAX_VALUE : to;
        if (toUs <= fromUs) {
            throw doc.error(o, "to", "\"to\" after \"from\" (a rule applies in [from, to))");
        }
        Boolean enabled = doc.optionalBoolean(o, "enabled");
        return new Rule(id, doc.optionalText(o, "name", "the rule's name"), pattern(doc, o, "message"),
                pattern(doc, o, "source"), fromUs, toUs, doc.text(o, "cause", "a cause id"), layer(doc, o),
                enabled == null || enabled);
    }

    /** A rule's pattern, checked now so a typo is found when the file is opened, not when the rule is used. */
    private static String pattern(JsonDocument doc, ObjectNode o, String field) throws InputException {
        String p = doc.optionalText(o, field, "a Java regular expression");
        if (p != null) {
            try {
                Pattern.compile(p);
            } catch (PatternSyntaxException e) {
                throw doc.error(o, field, "\"" + field + "\" to be a Java regular expression ("
                        + e.getDescription() + " near index " + e.getIndex() + "), found \"" + p + "\"");
            }
        }
        return p;
    }

    private static FaultRole faultRole(JsonDocument doc, ObjectNode o) throws InputException {
        doc.ignoreUnknown(o, ROLE_FIELDS, "a fault role");
        ObjectNode fault = doc.optionalObject(o, "fault");
        if (fault == null) {
            throw doc.error(o, "fault", "a \"fault\" object ({\"source\": \"run.jsonl:120\", \"time\": …})");
        }
        String role = doc.text(o, "role", "root_cause, cascade or teardown");
        FaultRole.Kind kind = kind(role);
        if (kind == null) {
            throw doc.error(o, "role", "\"role\" to be root_cause, cascade or teardown, found \"" + role + "\"");
        }
        ObjectNode root = doc.optionalObject(o, "root");
        if (kind == FaultRole.Kind.CASCADE && root == null) {
            throw doc.error(o, "root", "a \"root\" fault for a cascade (the fault it follows from)");
        }
        return new FaultRole(faultRef(doc, fault), kind, root == null ? null : faultRef(doc, root),
                doc.optionalText(o, "note", "a note"));
    }

    private static FaultRole.FaultRef faultRef(JsonDocument doc, ObjectNode o) throws InputException {
        doc.ignoreUnknown(o, FAULT_FIELDS, "a fault reference");
        return new FaultRole.FaultRef(doc.text(o, "source", "the fault's file:line"), doc.time(o, "time"));
    }

    private static FaultRole.Kind kind(String text) {
        for (FaultRole.Kind k : FaultRole.Kind.values()) {
            if (k.id().equalsIgnoreCase(text.strip())) {
                return k;
            }
        }
        return null;
    }

    private static Layer layer(JsonDocument doc, ObjectNode o) throws InputException {
        String text = doc.text(o, "layer", "infra, framework or model");
        Layer layer = Layer.parse(text);
        if (layer == null) {
            throw doc.error(o, "layer", "\"layer\" to be infra, framework or model, found \"" + text + "\"");
        }
        return layer;
    }
}
