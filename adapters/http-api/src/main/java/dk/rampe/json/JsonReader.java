package dk.rampe.json;

import com.fasterxml.jackson.databind.JsonNode;
import dk.rampe.core.FieldError;
import dk.rampe.core.ValidationException;
import dk.rampe.core.Text;
import dk.rampe.core.TextField;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads fields out of a JSON tree and collects every problem with its path, so one answer
 * names all bad fields at once. Values are never copied into errors.
 */
public final class JsonReader {
    private final List<FieldError> errors = new ArrayList<>();

    public static String path(String parent, String name) {
        return parent.isEmpty() ? name : parent + "." + name;
    }

    public void add(String field, String code, Object... args) {
        errors.add(new FieldError(field, code, args));
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) throw new ValidationException(errors);
    }

    /** Flags every field of {@code node} that is not in {@code allowed}. */
    public void onlyKnown(JsonNode node, String path, Set<String> allowed) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) add(path(path, name), "unknownField");
        }
    }

    /** The object at {@code name}, or null (with an error if required or of the wrong type). */
    public JsonNode object(JsonNode parent, String path, String name, boolean required) {
        JsonNode n = parent.get(name);
        if (n == null || n.isNull()) {
            if (required) add(path(path, name), "required");
            return null;
        }
        if (!n.isObject()) {
            add(path(path, name), "type.object");
            return null;
        }
        return n;
    }

    /** A single-line text (a name, an id, a reference): no line breaks, tabs or other control characters. */
    public String text(JsonNode parent, String path, String name, boolean required, int maxLength) {
        return text(parent, path, name, required, maxLength, Text.Kind.SINGLE_LINE);
    }

    /** A free text (motivation, a reason, a note): keeps line breaks and tabs, refuses other control characters. */
    public String freeText(JsonNode parent, String path, String name, boolean required, int maxLength) {
        return text(parent, path, name, required, maxLength, Text.Kind.FREE_TEXT);
    }

    private String text(JsonNode parent, String path, String name, boolean required, int maxLength, Text.Kind kind) {
        JsonNode n = parent.get(name);
        String p = path(path, name);
        if (n == null || n.isNull()) {
            if (required) add(p, "required");
            return null;
        }
        if (!n.isTextual()) {
            add(p, "type.string");
            return null;
        }
        String s = n.textValue().strip();
        if (s.isEmpty()) {
            if (required) add(p, "required");
            return null;
        }
        if (s.codePointCount(0, s.length()) > maxLength) {
            add(p, "tooLong", maxLength);
            return null;
        }
        if (!Text.allowed(s, kind)) {
            add(p, "controlCharacters");
            return null;
        }
        return s;
    }

    /**
     * A text field as its one definition in core says ({@link dk.rampe.core.InputFields}): the same
     * length, characters and CPR rule as the web app's forms and the follow-up page apply.
     */
    public String field(JsonNode parent, String path, TextField field, boolean required) {
        JsonNode n = parent.get(field.name());
        String p = path(path, field.name());
        if (n != null && !n.isNull() && !n.isTextual()) {
            add(p, "type.string");
            return null;
        }
        return field.read(p, n == null || n.isNull() ? null : n.textValue(), required, errors);
    }

    /** A list of up to {@code maxItems} texts, each read as {@code item} says; blank items are errors. */
    public List<String> fields(JsonNode parent, String path, TextField item, boolean required, int maxItems) {
        String p = path(path, item.name());
        JsonNode n = array(parent.get(item.name()), p, required, maxItems);
        if (n == null) return List.of();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            JsonNode e = n.get(i);
            String ip = p + "[" + i + "]";
            if (!e.isTextual()) {
                add(ip, "type.string");
                continue;
            }
            String v = item.read(ip, e.textValue(), true, errors);
            if (v != null) out.add(v);
        }
        return out;
    }

    public Boolean bool(JsonNode parent, String path, String name, boolean required) {
        JsonNode n = parent.get(name);
        String p = path(path, name);
        if (n == null || n.isNull()) {
            if (required) add(p, "required");
            return null;
        }
        if (!n.isBoolean()) {
            add(p, "type.boolean");
            return null;
        }
        return n.booleanValue();
    }

    public Integer integer(JsonNode parent, String path, String name, boolean required, int min, int max) {
        JsonNode n = parent.get(name);
        String p = path(path, name);
        if (n == null || n.isNull()) {
            if (required) add(p, "required");
            return null;
        }
        if (!n.isIntegralNumber() || !n.canConvertToInt() || n.intValue() < min || n.intValue() > max) {
            add(p, "range", min, max);
            return null;
        }
        return n.intValue();
    }

    public LocalDate date(JsonNode parent, String path, String name, boolean required) {
        String s = text(parent, path, name, required, 10);
        if (s == null) return null;
        try {
            return LocalDate.parse(s);
        } catch (DateTimeException e) {
            add(path(path, name), "date.invalid");
            return null;
        }
    }

    /** As {@link #date(JsonNode, String, String, boolean)}, and from {@code min} to {@code max} (inclusive). */
    public LocalDate date(JsonNode parent, String path, String name, boolean required, LocalDate min, LocalDate max) {
        LocalDate d = date(parent, path, name, required);
        if (d != null && (d.isBefore(min) || d.isAfter(max))) {
            add(path(path, name), "date.range", min, max);
            return null;
        }
        return d;
    }

    /** A date and time with an offset (ISO 8601), any instant; its window is the service's to check. */
    public Instant dateTime(JsonNode parent, String path, String name, boolean required) {
        return dateTime(parent, path, name, required, Instant.MIN, Instant.MAX);
    }

    /**
     * A date and time with an offset (ISO 8601), from {@code min} to {@code max} (inclusive):
     * one outside that window, however far out, is a 400 naming the field.
     */
    public Instant dateTime(JsonNode parent, String path, String name, boolean required, Instant min, Instant max) {
        String s = text(parent, path, name, required, 40);
        if (s == null) return null;
        Instant t;
        try {
            t = OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeException e) {
            add(path(path, name), "dateTime.invalid");
            return null;
        }
        if (t.isBefore(min) || t.isAfter(max)) {
            add(path(path, name), "dateTime.range", min, max);
            return null;
        }
        return t;
    }

    /** {@code n} if it is an array of at most {@code maxItems}; else null, with the error (or none if absent). */
    private JsonNode array(JsonNode n, String p, boolean required, int maxItems) {
        if (n == null || n.isNull()) {
            if (required) add(p, "required");
            return null;
        }
        if (!n.isArray()) {
            add(p, "type.array");
            return null;
        }
        if (n.size() > maxItems) {
            add(p, "tooMany", maxItems);
            return null;
        }
        return n;
    }

    public List<String> texts(JsonNode parent, String path, String name, boolean required, int maxItems,
                              int maxLength) {
        String p = path(path, name);
        JsonNode n = array(parent.get(name), p, required, maxItems);
        if (n == null) return List.of();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            JsonNode item = n.get(i);
            String ip = p + "[" + i + "]";
            if (!item.isTextual() || item.textValue().isBlank()) {
                add(ip, item.isTextual() ? "required" : "type.string");
            } else if (item.textValue().strip().codePointCount(0, item.textValue().strip().length()) > maxLength) {
                add(ip, "tooLong", maxLength);
            } else if (!Text.allowed(item.textValue().strip(), Text.Kind.SINGLE_LINE)) {
                add(ip, "controlCharacters");
            } else {
                out.add(item.textValue().strip());
            }
        }
        return out;
    }
}
