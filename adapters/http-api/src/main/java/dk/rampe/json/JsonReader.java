package dk.rampe.json;

import com.fasterxml.jackson.databind.JsonNode;
import dk.rampe.core.FieldError;
import dk.rampe.core.ValidationException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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

    public String text(JsonNode parent, String path, String name, boolean required, int maxLength) {
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
        if (hasControlCharacters(s)) {
            add(p, "controlCharacters");
            return null;
        }
        return s;
    }

    private static boolean hasControlCharacters(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') return true;
        }
        return false;
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
        } catch (DateTimeParseException e) {
            add(path(path, name), "date.invalid");
            return null;
        }
    }

    public List<String> texts(JsonNode parent, String path, String name, boolean required, int maxItems,
                              int maxLength) {
        JsonNode n = parent.get(name);
        String p = path(path, name);
        if (n == null || n.isNull()) {
            if (required) add(p, "required");
            return List.of();
        }
        if (!n.isArray()) {
            add(p, "type.array");
            return List.of();
        }
        if (n.size() > maxItems) {
            add(p, "tooMany", maxItems);
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            JsonNode item = n.get(i);
            String ip = p + "[" + i + "]";
            if (!item.isTextual() || item.textValue().isBlank()) {
                add(ip, item.isTextual() ? "required" : "type.string");
            } else if (item.textValue().strip().codePointCount(0, item.textValue().strip().length()) > maxLength) {
                add(ip, "tooLong", maxLength);
            } else if (hasControlCharacters(item.textValue())) {
                add(ip, "controlCharacters");
            } else {
                out.add(item.textValue().strip());
            }
        }
        return out;
    }
}
