package dev.goodput.core.io;

import java.util.Map;
import java.util.Set;

/** Record fields held in a map (from a JSON object or a CSV row). */
record MapFields(Map<String, String> map) implements EventFields {
    @Override
    public String text(String key) {
        String v = map.get(key);
        return v == null || v.isBlank() ? null : v;
    }

    @Override
    public Set<String> keys() {
        return map.keySet();
    }
}
