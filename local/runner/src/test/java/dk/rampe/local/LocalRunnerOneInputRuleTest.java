package dk.rampe.local;

import static dk.rampe.local.LocalCalls.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.rampe.api.Messages;
import dk.rampe.core.InputFields;
import dk.rampe.core.Language;
import dk.rampe.core.TextField;
import dk.rampe.json.Json;
import dk.rampe.local.embedded.Events;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One input rule at every door: the same hostile values (bytes that are not UTF-8, NUL, a C1
 * control, one character over the field's length, a CPR-like number with each separator) go into
 * every text field through every door that takes it (the API's JSON, the web app's forms, the
 * follow-up page, today's list) over real HTTP through the local runner, and every door gives the
 * same verdict: refused with a 400 naming the problem, and nothing stored.
 */
class LocalRunnerOneInputRuleTest {
    private static final String SCRIPT_START = "2026-11-23T07:00:00+01:00";
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    private static final ZoneId CPH = ZoneId.of("Europe/Copenhagen");
    private static final String JOBCENTRE = "local-jobcenter-aarhus";
    private static final String STAFF = "local-consultant-anna";
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final Pattern FORM_ID = Pattern.compile("name=\"formId\" value=\"([^\"]+)\"");
    private static final Pattern PLAN_VERSION = Pattern.compile("name=\"version\" value=\"([0-9]+)\"");
    /** Bytes that are not UTF-8 (a lead byte, then an ASCII byte), percent-escaped as a form sends them. */
    private static final String NOT_UTF8 = "%C3%28x";

    /** One hostile value: its text, and the code the field's one definition gives it (null: refused as not UTF-8). */
    private record Hostile(String label, String text, String code) {
    }

    private static List<Hostile> hostile(TextField f) {
        List<Hostile> out = new ArrayList<>();
        out.add(new Hostile("not UTF-8", null, null));
        out.add(new Hostile("NUL", "a\u0000b", TextField.CONTROL_CHARACTERS));
        out.add(new Hostile("C1 NEL", "a\u0085b", TextField.CONTROL_CHARACTERS));
        out.add(new Hostile("over-long", "a".repeat(f.maxLength() + 1), TextField.TOO_LONG));
        if (f.refusesCpr()) {
            for (String cpr : List.of("0101901234", "010190-1234", "010190 1234", "06.03.87-1013")) {
                out.add(new Hostile("CPR " + cpr, "Om borgeren " + cpr, TextField.CPR_NUMBER));
            }
        }
        return out;
    }

    /** What each door answered, for one message at the end naming every door and value that was let through. */
    private final List<String> letThrough = new ArrayList<>();
    private int checked;

    private void expectRefused(String where, Hostile h, HttpResponse<String> r, Function<String, Boolean> namesIt) {
        checked++;
        if (r.statusCode() != 400) {
            letThrough.add(where + " / " + h.label() + ": " + r.statusCode());
        } else if (h.code() != null && !namesIt.apply(h.code())) {
            letThrough.add(where + " / " + h.label() + ": 400 without " + h.code());
        } else if (TextField.CPR_NUMBER.equals(h.code()) && r.body().contains(h.text().substring("Om borgeren ".length()))) {
            letThrough.add(where + " / " + h.label() + ": the number was echoed");
        }
    }

    /** The API's verdict: a problem naming the field with the definition's code (the body, for bytes not UTF-8). */
    private static Function<String, Boolean> apiNames(HttpResponse<String> r, String field) {
        return code -> {
            JsonNode errors;
            try {
                errors = Json.parse(r.body()).path("errors");
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                return false;
            }
            for (JsonNode e : errors) {
                if (e.path("field").asText().equals(field) && e.path("code").asText().equals(code)) return true;
            }
            return false;
        };
    }

    /** A page's verdict: the definition's message, in the page's words (Danish). */
    private static Function<String, Boolean> pageSays(HttpResponse<String> r, TextField f) {
        return code -> r.body().contains(TextField.TOO_LONG.equals(code)
                ? Messages.text(code, Language.DA, f.maxLength()) : Messages.text(code, Language.DA));
    }

    @Test
    void everyTextFieldOfEveryDoorRefusesTheSameHostileValuesAndStoresNothing(@TempDir Path data) throws Exception {
        Path outbox = data.resolve("outbox");
        try (LocalRunner runner = LocalCalls.start(null, outbox, SCRIPT_START)) {
            String base = runner.baseUrl();
            String sample = Events.text("referral-intake/referral.json");
            HttpResponse<String> created = send("POST", base + "/v1/referrals", JOBCENTRE, sample, "application/json");
            assertEquals(201, created.statusCode(), created.body());
            String id = Json.parse(created.body()).get("referralId").asText();
            Map<String, String> caseworker = login(base, "local-jobcenter-aarhus");
            Map<String, String> anna = login(base, "local-consultant-anna");

            // 1. the referral: the API's JSON and the web app's referral form (the form names fields by the API's paths)
            Map<String, TextField> referralFields = new LinkedHashMap<>();
            referralFields.put("motivation", InputFields.MOTIVATION);
            referralFields.put("transport", InputFields.TRANSPORT);
            referralFields.put("otherIssues", InputFields.OTHER_ISSUES);
            referralFields.put("citizen.name", InputFields.CITIZEN_NAME);
            referralFields.put("caseworker.name", InputFields.CASEWORKER_NAME);
            referralFields.put("jobWishes[0]", InputFields.JOB_WISH);
            referralFields.put("subGoals[0]", InputFields.SUB_GOAL);
            for (var e : referralFields.entrySet()) {
                for (Hostile h : hostile(e.getValue())) {
                    ObjectNode body = (ObjectNode) Json.parse(sample);
                    body.put("jobcentreReference", "AAR-HOSTILE-1");
                    HttpResponse<String> r = postJson(base + "/v1/referrals", JOBCENTRE, jsonWith(body, e.getKey(), h));
                    expectRefused("API referral " + e.getKey(), h, r, apiNames(r, e.getKey()));

                    String page = get(base + "/app/referrals/new", caseworker).body();
                    Map<String, String> form = referralForm(page);
                    HttpResponse<String> w = postForm(base + "/app/referrals", caseworker, form, e.getKey(), h);
                    expectRefused("web referral form " + e.getKey(), h, w, pageSays(w, e.getValue()));
                }
            }
            JsonNode list = Json.parse(send("GET", base + "/v1/referrals", JOBCENTRE, null, null).body());
            assertFalse(list.toString().contains("AAR-HOSTILE-1") || list.toString().contains("AAR-WEB-HOSTILE"),
                    "no refused referral was stored");

            // 2. the visitation's reason: the API and the web app's visitation form
            for (Hostile h : hostile(InputFields.VISITATION_REASON)) {
                HttpResponse<String> r = postJson(base + "/v1/referrals/" + id + "/visitation", STAFF,
                        jsonWith((ObjectNode) Json.parse("{\"decision\":\"accepted\"}"), "reason", h));
                expectRefused("API visitation reason", h, r, apiNames(r, "reason"));
                HttpResponse<String> w = postForm(base + "/app/referrals/" + id + "/visitation", anna,
                        staffForm(base, id, anna, Map.of("decision", "accepted")), "reason", h);
                expectRefused("web visitation reason", h, w, pageSays(w, InputFields.VISITATION_REASON));
            }
            assertEquals("received", status(base, id), "no refused visitation was recorded");
            assertEquals(200, send("POST", base + "/v1/referrals/" + id + "/visitation", STAFF,
                    "{\"decision\":\"accepted\"}", "application/json").statusCode());
            assertEquals(200, send("POST", base + "/v1/referrals/" + id + "/enrolment", STAFF, "{}",
                    "application/json").statusCode());

            // 3. the path: milestones (note, employer, then an internship's end reason) and the exit
            String today = MONDAY.toString();
            Map<String, TextField> startFields = Map.of("note", InputFields.MILESTONE_NOTE, "employer", InputFields.EMPLOYER);
            for (var e : startFields.entrySet()) {
                for (Hostile h : hostile(e.getValue())) {
                    ObjectNode started = (ObjectNode) Json.parse("{\"type\":\"internship_started\",\"effectiveOn\":\""
                            + today + "\",\"employer\":\"Gartneriet\",\"hoursPerWeek\":12}");
                    HttpResponse<String> r = postJson(base + "/v1/referrals/" + id + "/milestones", STAFF,
                            jsonWith(started, e.getKey(), h));
                    expectRefused("API milestone " + e.getKey(), h, r, apiNames(r, e.getKey()));
                    HttpResponse<String> w = postForm(base + "/app/referrals/" + id + "/milestone", anna,
                            staffForm(base, id, anna, Map.of("ms.type", "internship_started", "ms.effectiveOn", today,
                                    "ms.employer", "Gartneriet", "ms.hoursPerWeek", "12")), "ms." + e.getKey(), h);
                    expectRefused("web milestone " + e.getKey(), h, w, pageSays(w, e.getValue()));
                }
            }
            assertEquals(1, path(base, id).size(), "only the enrolment is on the path");
            assertEquals(201, send("POST", base + "/v1/referrals/" + id + "/milestones", STAFF,
                    "{\"type\":\"internship_started\",\"effectiveOn\":\"" + today
                            + "\",\"employer\":\"Gartneriet\",\"hoursPerWeek\":12}", "application/json").statusCode());
            for (Hostile h : hostile(InputFields.MILESTONE_REASON)) {
                ObjectNode ended = (ObjectNode) Json.parse("{\"type\":\"internship_ended\",\"effectiveOn\":\"" + today + "\"}");
                HttpResponse<String> r = postJson(base + "/v1/referrals/" + id + "/milestones", STAFF,
                        jsonWith(ended, "reason", h));
                expectRefused("API milestone reason", h, r, apiNames(r, "reason"));
                HttpResponse<String> w = postForm(base + "/app/referrals/" + id + "/milestone", anna,
                        staffForm(base, id, anna, Map.of("ms.type", "internship_ended", "ms.effectiveOn", today)),
                        "ms.reason", h);
                expectRefused("web milestone reason", h, w, pageSays(w, InputFields.MILESTONE_REASON));
            }
            for (Hostile h : hostile(InputFields.EXIT_NOTE)) {
                HttpResponse<String> r = postJson(base + "/v1/referrals/" + id + "/exit", STAFF,
                        jsonWith((ObjectNode) Json.parse("{\"outcome\":\"moved\"}"), "note", h));
                expectRefused("API exit note", h, r, apiNames(r, "note"));
                HttpResponse<String> w = postForm(base + "/app/referrals/" + id + "/exit", anna,
                        staffForm(base, id, anna, Map.of("outcome", "moved")), "note", h);
                expectRefused("web exit note", h, w, pageSays(w, InputFields.EXIT_NOTE));
            }
            for (TextField f : List.of(InputFields.EXIT_PROGRESS, InputFields.EXIT_STABILITY, InputFields.EXIT_CLARIFIED,
                    InputFields.EXIT_DIRECTION, InputFields.EMPLOYER_CONTACTED, InputFields.TASK_TRIED)) {
                boolean listed = f == InputFields.EMPLOYER_CONTACTED || f == InputFields.TASK_TRIED;
                for (Hostile h : hostile(f)) {
                    ObjectNode exit = (ObjectNode) Json.parse("{\"outcome\":\"moved\",\"description\":{}}");
                    String field = "description." + f.name() + (listed ? "[0]" : "");
                    HttpResponse<String> r = postJson(base + "/v1/referrals/" + id + "/exit", STAFF,
                            jsonWith(exit, field, h));
                    expectRefused("API exit " + f.name(), h, r, apiNames(r, field));
                }
            }
            assertEquals("enrolled", status(base, id), "no refused exit was recorded");
            assertEquals(2, path(base, id).size(), "the enrolment and the internship's start only");

            // 4. the plan: the web app's plan form (the API only reads the plan)
            Map<String, TextField> planFields = new LinkedHashMap<>();
            planFields.put("agreements", InputFields.PLAN_AGREEMENTS);
            planFields.put("tovholder", InputFields.TOVHOLDER);
            planFields.put("steps[0].text", InputFields.PLAN_STEP);
            planFields.put("supporters[0].name", InputFields.SUPPORTER_NAME);
            long version = planVersion(base, id);
            for (var e : planFields.entrySet()) {
                for (Hostile h : hostile(e.getValue())) {
                    String page = get(base + "/app/referrals/" + id, anna).body();
                    Map<String, String> form = new LinkedHashMap<>(Map.of("csrf", csrf(page),
                            "version", Long.toString(version)));
                    HttpResponse<String> w = postForm(base + "/app/referrals/" + id + "/plan", anna, form, e.getKey(), h);
                    expectRefused("web plan " + e.getKey(), h, w, pageSays(w, e.getValue()));
                }
            }
            assertEquals(version, planVersion(base, id), "no refused plan was saved");

            // 5. a follow-up's note: the follow-up page (the SMS link) and the web app's close form
            moveTo(runner, MONDAY, LocalTime.of(10, 0));
            anna = login(base, "local-consultant-anna"); // the local clock moved past the session's idle time
            HttpResponse<String> planned = send("POST", base + "/v1/referrals/" + id + "/follow-ups", STAFF,
                    "{\"kind\":\"follow_up_due\",\"dueAt\":\"" + runner.clock().instant().plus(Duration.ofHours(1)) + "\"}",
                    "application/json");
            assertEquals(201, planned.statusCode(), planned.body());
            String taskId = Json.parse(planned.body()).get("taskId").asText();
            runner.dispatchNow();
            String link = firstLink(outbox, Pattern.quote(base) + "/f/[A-Za-z0-9._-]+");
            for (Hostile h : hostile(InputFields.FOLLOW_UP_NOTE)) {
                Map<String, String> outcome = new LinkedHashMap<>(Map.of("task", taskId, "reached", "yes",
                        "cause", "transport", "next", "fewer_hours"));
                HttpResponse<String> p = postForm(link, Map.of(), outcome, "note", h);
                expectRefused("follow-up page note", h, p, code -> true);
                Map<String, String> close = new LinkedHashMap<>(Map.of("task", taskId, "fu.reached", "yes",
                        "fu.cause", "transport", "fu.next", "fewer_hours"));
                close.put("csrf", csrf(get(base + "/app/referrals/" + id, anna).body()));
                HttpResponse<String> w = postForm(base + "/app/referrals/" + id + "/follow-up", anna, close, "fu.note", h);
                expectRefused("web follow-up note", h, w, code -> true);
            }
            assertTrue(send("GET", link, null, null, null).body().contains("<form"), "the follow-up is still open");

            // 6. today's list: no text field, but its closed fields refuse the same bytes and characters
            // (the participant is in the internship started above: the plan also applies during it)
            assertEquals(200, send("PUT", base + "/v1/referrals/" + id + "/attendance-plan", STAFF,
                    "{\"steps\":[{\"validFrom\":\"2026-11-23\",\"weekdays\":[\"monday\",\"tuesday\",\"wednesday\","
                            + "\"thursday\",\"friday\"],\"start\":\"09:00\",\"minutesPerDay\":240,"
                            + "\"duringInternship\":true}]}",
                    "application/json").statusCode());
            moveTo(runner, MONDAY.plusDays(1), LocalTime.of(7, 30));
            runner.scheduler().fireDue();
            runner.dispatchNow();
            String listLink = firstLink(outbox, Pattern.quote(base) + "/t/L[0-9A-Z]{12}\\.20261124\\.[A-Za-z0-9_-]{16}");
            String listId = listLink.substring(listLink.indexOf("/t/") + 3, listLink.indexOf('.', listLink.indexOf("/t/")));
            for (Hostile h : hostile(InputFields.EMPLOYER)) {
                if (TextField.TOO_LONG.equals(h.code()) || TextField.CPR_NUMBER.equals(h.code())) continue;
                Map<String, String> tap = new LinkedHashMap<>(Map.of("list", listId, "referral", id, "status", "late"));
                HttpResponse<String> t = postForm(listLink, Map.of(), tap, "arrival", h);
                expectRefused("today's list arrival", h, t, code -> true);
            }
            JsonNode regs = Json.parse(send("GET", base + "/v1/referrals/" + id, STAFF, null, null).body())
                    .path("attendance").path("registrations");
            assertEquals(0, regs.size(), "no refused tap was stored: " + regs);

            assertTrue(letThrough.isEmpty(), "let through (" + letThrough.size() + " of " + checked + "):\n"
                    + String.join("\n", letThrough));
            assertTrue(checked > 250, "every door and field was walked: " + checked);
        }
    }

    // ---------------------------------------------------------------- helpers

    private static void moveTo(LocalRunner runner, LocalDate date, LocalTime time) {
        Duration d = Duration.between(runner.clock().instant(), ZonedDateTime.of(date, time, CPH).toInstant());
        if (!d.isNegative() && !d.isZero()) runner.clock().advance(d);
    }

    /** The JSON body with {@code field} (a path: {@code a.b}, {@code a[0]}, {@code a.b[0]}) set to the hostile value. */
    private static byte[] jsonWith(ObjectNode body, String field, Hostile h) {
        String marker = "\u0001MARK\u0001";
        ObjectNode parent = body;
        String[] parts = field.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            parent = parent.has(parts[i]) ? (ObjectNode) parent.get(parts[i]) : parent.putObject(parts[i]);
        }
        String last = parts[parts.length - 1];
        String value = h.text() == null ? marker : h.text();
        if (last.endsWith("[0]")) {
            parent.putArray(last.substring(0, last.length() - 3)).add(value);
        } else {
            parent.put(last, value);
        }
        byte[] json = Json.write(body).getBytes(StandardCharsets.UTF_8);
        if (h.text() != null) return json;
        // the marker's JSON escape replaced by bytes that are not UTF-8
        String text = new String(json, StandardCharsets.ISO_8859_1);
        String escaped = "\\u0001MARK\\u0001";
        int at = text.indexOf(escaped);
        if (at < 0) throw new AssertionError("marker not found in " + text);
        byte[] out = new byte[json.length - escaped.length() + 3];
        System.arraycopy(json, 0, out, 0, at);
        out[at] = (byte) 0xC3;
        out[at + 1] = (byte) 0x28;
        out[at + 2] = 'x';
        System.arraycopy(json, at + escaped.length(), out, at + 3, json.length - at - escaped.length());
        return out;
    }

    private static HttpResponse<String> postJson(String url, String token, byte[] body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Posts {@code form} with {@code field} set to the hostile value, percent-escaped as a browser sends it. */
    private static HttpResponse<String> postForm(String url, Map<String, String> cookies, Map<String, String> form,
                                                 String field, Hostile h) throws Exception {
        StringBuilder b = new StringBuilder();
        for (var e : form.entrySet()) {
            if (e.getKey().equals(field)) continue;
            b.append(enc(e.getKey())).append('=').append(enc(e.getValue())).append('&');
        }
        b.append(enc(field)).append('=').append(h.text() == null ? NOT_UTF8 : enc(h.text()));
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(b.toString()));
        if (!cookies.isEmpty()) r.header("Cookie", cookieHeader(cookies));
        return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String cookieHeader(Map<String, String> cookies) {
        return String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    }

    private static HttpResponse<String> get(String url, Map<String, String> cookies) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url));
        if (!cookies.isEmpty()) r.header("Cookie", cookieHeader(cookies));
        return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Logs in to the web app as a local user; its session cookie. */
    private static Map<String, String> login(String base, String user) throws Exception {
        HttpResponse<String> in = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/app/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("user=" + user)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, in.statusCode(), in.body());
        String nv = in.headers().firstValue("set-cookie").orElseThrow().split(";")[0];
        return Map.of(nv.substring(0, nv.indexOf('=')), nv.substring(nv.indexOf('=') + 1));
    }

    private static String csrf(String page) {
        Matcher m = CSRF.matcher(page);
        if (!m.find()) throw new AssertionError("no CSRF token on the page:\n" + page);
        return m.group(1);
    }

    /** A staff form on the participant page: its CSRF token and {@code fields}. */
    private static Map<String, String> staffForm(String base, String id, Map<String, String> cookies,
                                                 Map<String, String> fields) throws Exception {
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("csrf", csrf(get(base + "/app/referrals/" + id, cookies).body()));
        return form;
    }

    /** A complete, valid referral as the web form sends it (another reference and citizen than the sample). */
    private static Map<String, String> referralForm(String page) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("csrf", csrf(page));
        Matcher m = FORM_ID.matcher(page);
        if (m.find()) f.put("formId", m.group(1));
        f.put("programmeId", "rampe-oestjylland");
        f.put("jobcentreReference", "AAR-WEB-HOSTILE");
        f.put("citizen.cpr", "020290-1234");
        f.put("citizen.name", "Mette Sørensen");
        f.put("citizen.phone", "20 12 34 56");
        f.put("benefit", "kontanthjaelp");
        f.put("caseworker.name", "Lise Sagsbehandler");
        f.put("caseworker.email", "lise@aarhus.example");
        f.put("jobWishes[0]", "Lager");
        f.put("subGoals[0]", "Møde op tre dage om ugen");
        f.put("motivation", "Vil gerne i gang igen.");
        f.put("relativesConsent", "no");
        return f;
    }

    private static String status(String base, String id) throws Exception {
        return Json.parse(send("GET", base + "/v1/referrals/" + id, STAFF, null, null).body()).path("status").asText();
    }

    private static JsonNode path(String base, String id) throws Exception {
        return Json.parse(send("GET", base + "/v1/referrals/" + id, STAFF, null, null).body()).path("path");
    }

    private static long planVersion(String base, String id) throws Exception {
        return Json.parse(send("GET", base + "/v1/referrals/" + id + "/plan", STAFF, null, null).body()).path("version")
                .asLong();
    }

    /** The first link matching {@code regex} in the SMS the local outbox holds. */
    private static String firstLink(Path outbox, String regex) throws Exception {
        Matcher m = Pattern.compile(regex).matcher(Files.readString(outbox.resolve("sms.jsonl")));
        assertTrue(m.find(), "no link " + regex + " in the SMS outbox");
        return m.group();
    }
}
