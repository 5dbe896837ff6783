package dk.rampe.platform;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stream handler's input read and its answer written as JSON, without the Lambda runtime's event serializer
 * (its own Jackson, several hundred classes at a cold start). The reader is strict (RFC 8259, UTF-8): an
 * object is a {@code LinkedHashMap}, an array an {@code ArrayList}, a number a {@code BigDecimal}, then
 * {@code String}, {@code Boolean} and {@code null}. A failure says where, never what: an input may hold
 * personal data.
 */
public final class LambdaJson {
    /** Deeper than any Lambda event nests. */
    private static final int MAX_DEPTH = 64;
    private final String s;
    private int i;

    private LambdaJson(String s) {
        this.s = s;
    }

    /** The one JSON value of the input's bytes, with nothing but white space around it. */
    public static Object read(InputStream in) throws IOException {
        return read(in.readAllBytes());
    }

    /** The one JSON value of these UTF-8 bytes. */
    public static Object read(byte[] utf8) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(utf8)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("not JSON: not UTF-8");
        }
        LambdaJson json = new LambdaJson(text);
        Object v = json.value(0);
        json.space();
        if (json.i != text.length()) throw json.bad("text after the value");
        return v;
    }

    /**
     * Appends {@code value} as JSON: a map's entries (keys as text) in its order, a list, text, a boolean or a
     * number as it prints, {@code null}.
     */
    public static StringBuilder write(Object value, StringBuilder out) {
        if (value == null) return out.append("null");
        if (value instanceof CharSequence text) return string(out, text.toString());
        if (value instanceof Boolean || value instanceof Integer || value instanceof Long) return out.append(value);
        if (value instanceof BigDecimal n) return out.append(n);
        if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) out.append(',');
                first = false;
                string(out, String.valueOf(e.getKey())).append(':');
                write(e.getValue(), out);
            }
            return out.append('}');
        }
        if (value instanceof List<?> list) {
            out.append('[');
            for (int k = 0; k < list.size(); k++) {
                if (k > 0) out.append(',');
                write(list.get(k), out);
            }
            return out.append(']');
        }
        throw new IllegalArgumentException("no JSON form for " + value.getClass().getSimpleName());
    }

    /**
     * A value read into a String field as the runtime's serializer (Jackson) coerces it: a string as it is, a number's
     * or a boolean's literal, null as null; an object or an array is refused ({@link IllegalArgumentException}).
     */
    public static String text(Object value) {
        if (value == null || value instanceof String) return (String) value;
        if (value instanceof BigDecimal || value instanceof Boolean) return value.toString();
        throw new IllegalArgumentException("not a text field");
    }

    /** Appends a JSON string: quotes, backslashes and control characters escaped, as Jackson escapes them. */
    public static StringBuilder string(StringBuilder out, String text) {
        return dk.rampe.core.JsonText.string(out, text);
    }

    private Object value(int depth) {
        if (depth > MAX_DEPTH) throw bad("nested too deep");
        space();
        if (i >= s.length()) throw bad("the text ends early");
        char c = s.charAt(i);
        switch (c) {
            case '{':
                return object(depth);
            case '[':
                return array(depth);
            case '"':
                return string();
            case 't':
                word("true");
                return Boolean.TRUE;
            case 'f':
                word("false");
                return Boolean.FALSE;
            case 'n':
                word("null");
                return null;
            default:
                if (c == '-' || (c >= '0' && c <= '9')) return number();
                throw bad("unexpected character");
        }
    }

    private Map<String, Object> object(int depth) {
        Map<String, Object> m = new LinkedHashMap<>();
        i++;
        space();
        if (peek() == '}') {
            i++;
            return m;
        }
        while (true) {
            space();
            if (peek() != '"') throw bad("a name is a string");
            String name = string();
            space();
            if (next() != ':') throw bad("expected :");
            if (m.containsKey(name)) throw bad("a name repeated");
            m.put(name, value(depth + 1));
            space();
            char c = next();
            if (c == '}') return m;
            if (c != ',') throw bad("expected , or }");
        }
    }

    private List<Object> array(int depth) {
        List<Object> l = new ArrayList<>();
        i++;
        space();
        if (peek() == ']') {
            i++;
            return l;
        }
        while (true) {
            l.add(value(depth + 1));
            space();
            char c = next();
            if (c == ']') return l;
            if (c != ',') throw bad("expected , or ]");
        }
    }

    private String string() {
        i++; // the opening quote
        StringBuilder b = null;
        int from = i;
        while (true) {
            char c = next();
            if (c == '"') return b == null ? s.substring(from, i - 1) : b.append(s, from, i - 1).toString();
            if (c < 0x20) throw bad("control character in a string");
            if (c != '\\') continue;
            if (b == null) b = new StringBuilder();
            b.append(s, from, i - 1);
            char e = next();
            switch (e) {
                case '"', '\\', '/' -> b.append(e);
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'u' -> {
                    if (i + 4 > s.length()) throw bad("the text ends early");
                    int v = 0;
                    for (int k = 0; k < 4; k++) {
                        int d = Character.digit(s.charAt(i++), 16);
                        if (d < 0) throw bad("bad \\u escape");
                        v = v * 16 + d;
                    }
                    b.append((char) v);
                }
                default -> throw bad("unknown escape");
            }
            from = i;
        }
    }

    private BigDecimal number() {
        int from = i;
        if (peek() == '-') i++;
        if (peek() == '0') {
            i++;
        } else if (digits() == 0) {
            throw bad("bad number");
        }
        if (peek() == '.') {
            i++;
            if (digits() == 0) throw bad("bad number");
        }
        if (peek() == 'e' || peek() == 'E') {
            i++;
            if (peek() == '+' || peek() == '-') i++;
            if (digits() == 0) throw bad("bad number");
        }
        try {
            return new BigDecimal(s.substring(from, i));
        } catch (NumberFormatException e) { // an exponent beyond an int
            throw bad("bad number");
        }
    }

    private int digits() {
        int from = i;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') i++;
        return i - from;
    }

    private void word(String w) {
        if (!s.startsWith(w, i)) throw bad("unexpected word");
        i += w.length();
    }

    private void space() {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
            i++;
        }
    }

    private char peek() {
        return i < s.length() ? s.charAt(i) : '\0';
    }

    private char next() {
        if (i >= s.length()) throw bad("the text ends early");
        return s.charAt(i++);
    }

    /** Says where, never what. */
    private IllegalArgumentException bad(String what) {
        return new IllegalArgumentException("not JSON: " + what + " at offset " + i);
    }
}
