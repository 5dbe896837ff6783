package dk.rampe.web;

import com.fasterxml.jackson.databind.JsonNode;
import dk.rampe.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The local stand-in for Cognito's managed login: the users of events/local-tokens.json, each
 * with the claims its access token carries. Only read when the local login is switched on
 * (never in AWS, where RAMPE_WEB_LOCAL_USERS is unset and the address is https).
 */
final class LocalUsers {
    record User(String name, Map<String, String> claims) {
    }

    private LocalUsers() {
    }

    static List<User> read(Path file) {
        try {
            JsonNode root = Json.parse(Files.readString(file, StandardCharsets.UTF_8)).path("tokens");
            List<User> out = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                Map<String, String> claims = new LinkedHashMap<>();
                e.getValue().fields().forEachRemaining(c -> claims.put(c.getKey(), c.getValue().asText()));
                out.add(new User(e.getKey(), claims));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
