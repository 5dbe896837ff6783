package dk.rampe.web;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dk.rampe.api.HttpApi;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A posted {@code multipart/form-data} body, read minimally and strictly as bytes (the one file part may be
 * Windows-1252): only the named fields are let in, each once; the text fields must be UTF-8; the file part is kept
 * as the bytes it is. Null for anything else (not multipart, bad base64, too large, a malformed part).
 */
record Upload(Map<String, String> fields, byte[] file) {
    private static final Pattern BOUNDARY = Pattern.compile("(?i)^multipart/form-data\\s*;.*?boundary=(\"([^\"]{1,70})\"|([^;\\s]{1,70}))");
    private static final Pattern NAME = Pattern.compile("(?i)^content-disposition:\\s*form-data\\s*;\\s*name=\"([^\"]*)\"(\\s*;\\s*filename=\"[^\"]*\")?\\s*$");

    static boolean isMultipart(APIGatewayV2HTTPEvent event) {
        String ct = HttpApi.header(event, "content-type");
        return ct != null && ct.toLowerCase(Locale.ROOT).strip().startsWith("multipart/form-data");
    }

    /** The parts named {@code textFields} and at most one file part named {@code fileField}. */
    static Upload read(APIGatewayV2HTTPEvent event, int maxBytes, Set<String> textFields, String fileField) {
        String ct = HttpApi.header(event, "content-type");
        Matcher bm = ct == null ? null : BOUNDARY.matcher(ct.strip());
        if (bm == null || !bm.find()) return null;
        byte[] delimiter = ("\r\n--" + (bm.group(2) != null ? bm.group(2) : bm.group(3))).getBytes(StandardCharsets.US_ASCII);
        String raw = event.getBody() == null ? "" : event.getBody();
        byte[] body;
        try {
            body = event.getIsBase64Encoded() ? Base64.getDecoder().decode(raw) : raw.getBytes(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (body.length > maxBytes) return null;
        // the body begins with the first delimiter (without its line break)
        if (!startsWith(body, 0, delimiter, 2)) return null;
        int pos = delimiter.length - 2;
        Map<String, String> fields = new LinkedHashMap<>();
        byte[] file = null;
        while (true) {
            if (startsWith(body, pos, "--".getBytes(StandardCharsets.US_ASCII), 0)) break; // the closing delimiter
            if (!startsWith(body, pos, "\r\n".getBytes(StandardCharsets.US_ASCII), 0)) return null;
            pos += 2;
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), pos, 0);
            if (headersEnd < 0) return null;
            String headers = utf8(body, pos, headersEnd);
            if (headers == null) return null;
            String name = null;
            boolean isFile = false;
            for (String h : headers.split("\r\n")) {
                Matcher m = NAME.matcher(h);
                if (m.matches()) {
                    if (name != null) return null;
                    name = m.group(1);
                    isFile = m.group(2) != null;
                } else if (!h.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
                    return null;
                }
            }
            int start = headersEnd + 4;
            int end = indexOf(body, delimiter, start, 0);
            if (name == null || end < 0) return null;
            if (isFile && name.equals(fileField)) {
                if (file != null) return null;
                file = java.util.Arrays.copyOfRange(body, start, end);
            } else if (!isFile && textFields.contains(name)) {
                String value = utf8(body, start, end);
                if (value == null || fields.put(name, value) != null) return null;
            } else {
                return null;
            }
            pos = end + delimiter.length;
        }
        return new Upload(Map.copyOf(fields), file);
    }

    private static String utf8(byte[] b, int from, int to) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, from, to - from)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Whether {@code b} at {@code at} holds {@code what} from its index {@code skip} on. */
    private static boolean startsWith(byte[] b, int at, byte[] what, int skip) {
        if (at + what.length - skip > b.length) return false;
        for (int i = skip; i < what.length; i++) if (b[at + i - skip] != what[i]) return false;
        return true;
    }

    private static int indexOf(byte[] b, byte[] what, int from, int skip) {
        for (int i = from; i + what.length - skip <= b.length; i++) if (startsWith(b, i, what, skip)) return i;
        return -1;
    }
}
