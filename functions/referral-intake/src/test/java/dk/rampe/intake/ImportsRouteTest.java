package dk.rampe.intake;

import static dk.rampe.intake.IntakeFixture.ADMIN;
import static dk.rampe.intake.IntakeFixture.ANNA;
import static dk.rampe.intake.IntakeFixture.call;
import static dk.rampe.intake.IntakeFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code POST /v1/admin/imports} against DynamoDB Local: a programme of 132 participants (60 internships, 29 jobs)
 * as a Danish spreadsheet's CSV (Windows-1252, semicolons) imports in one request; the same file again changes
 * nothing; a file with errors gets all of them by row, column and rule, in Danish or English, and writes nothing.
 */
class ImportsRouteTest extends IntakeRouteTest {
    private static final String HEADER = "Program;Jobcenter;Sagsnummer;CPR;Navn;Telefon;Ydelse;Sagsbehandler;"
            + "Sagsbehandler e-mail;Konsulent;Modtaget;Visitation;Visiteret;Opstart;Praktikstart;Praktikslut;"
            + "Arbejdsgiver;Jobstart;Jobtype;Timer;Afsluttet;Resultat\r\n";

    /**
     * 132 participants referred from January to October 2026: 60 with an internship, 29 of them also in a job; six
     * of the others left without a job.
     */
    static String programme() {
        StringBuilder sb = new StringBuilder(HEADER);
        LocalDate first = LocalDate.of(2026, 1, 12);
        for (int i = 0; i < 132; i++) {
            LocalDate received = first.plusDays(i * 2L);
            String jc = new String[] {"jc-aarhus", "jc-odder", "jc-randers"}[i % 3];
            String cpr = String.format("%02d%02d80%04d", 1 + i % 28, 1 + i / 28, 1000 + i);
            sb.append("rampe-oestjylland;").append(jc).append(";IMP-").append(i).append(';').append(cpr)
                    .append(";Deltager Ærø ").append(i).append(";22 34 ").append(String.format("%02d %02d", i / 100, i % 100))
                    .append(";kontanthjaelp;Birthe Aagaard;birthe.aagaard@jobcenter.example;;")
                    .append(received).append(";accepted;").append(received.plusDays(3)).append(';')
                    .append(received.plusDays(7)).append(';');
            if (i < 60) {
                LocalDate internship = received.plusDays(21);
                sb.append(internship).append(';').append(internship.plusWeeks(8)).append(";Gartneri ApS;");
                if (i < 29) {
                    sb.append(internship.plusWeeks(9)).append(";flexjob;15,5;;");
                } else {
                    sb.append(";;;;");
                }
            } else if (i % 10 == 0 && i < 120) {
                // six leave without a job, before Rampe: the caseworker is not told of it now
                sb.append(";;;;;;").append(received.plusDays(60)).append(";further_assessment");
            } else {
                sb.append(";;;;;;;");
            }
            sb.append("\r\n");
        }
        return sb.toString();
    }

    private APIGatewayV2HTTPResponse upload(byte[] csv, String query, Map<String, String> claims, String... headers) {
        APIGatewayV2HTTPEvent e = call("POST", "/v1/admin/imports", null, null, claims, headers);
        e.setBody(Base64.getEncoder().encodeToString(csv));
        e.setIsBase64Encoded(true);
        if (query != null) e.setQueryStringParameters(Map.of("commit", query));
        return f.handle(e);
    }

    private static byte[] windows1252(String s) {
        return s.getBytes(Charset.forName("windows-1252"));
    }

    @Test
    void aProgrammeOf132ParticipantsImportsInOneRequestAndASecondUploadChangesNothing() {
        byte[] csv = windows1252(programme());
        APIGatewayV2HTTPResponse dry = upload(csv, null, ADMIN);
        assertEquals(200, dry.getStatusCode(), dry.getBody());
        assertEquals(0, json(dry).get("errors").size(), dry.getBody());
        assertEquals(132, json(dry).get("added").asInt());
        assertFalse(json(dry).get("committed").asBoolean());

        assertEquals(0, json(dry).get("present").asInt(), "none of them is in Rampe yet");

        long start = System.nanoTime();
        APIGatewayV2HTTPResponse done = upload(csv, "true", ADMIN);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(200, done.getStatusCode(), done.getBody());
        JsonNode r = json(done);
        assertEquals(132, r.get("added").asInt(), done.getBody());
        // about 2,000 DynamoDB calls: the time is printed, not asserted (it says more about the machine's load)
        dk.rampe.log.Log.info("import.measured", "participants", "132", "millis", Long.toString(millis));

        // one imported participant as the API shows it: each step on its day, recorded now
        String id = r.get("referralIds").get(0).asText();
        JsonNode view = json(f.handle(call("GET", "/v1/referrals/{referralId}", id, null, ANNA)));
        assertEquals("enrolled", view.get("status").asText());
        assertEquals("2026-01-12", view.get("history").get(0).get("at").asText().substring(0, 10));
        assertEquals(4, view.get("path").size(), view.get("path").toString());

        // the preview now finds every row in Rampe, by jobcentre and jobcentre reference
        JsonNode preview = json(upload(csv, null, ADMIN));
        assertEquals(0, preview.get("added").asInt(), preview.toString());
        assertEquals(132, preview.get("present").asInt(), preview.toString());

        // the same file again: every item of the table byte for byte as it was, and no message queued
        List<Map<String, AttributeValue>> before = items();
        assertEquals(0, outboxItems(before), "the first import queued nothing: its six exits without a job happened before Rampe");
        APIGatewayV2HTTPResponse again = upload(csv, "true", ADMIN);
        assertEquals(200, again.getStatusCode(), again.getBody());
        assertEquals(0, json(again).get("added").asInt(), again.getBody());
        assertEquals(132, json(again).get("unchanged").asInt());
        assertEquals(132, json(again).get("present").asInt());
        List<Map<String, AttributeValue>> after = items();
        assertEquals(before.size(), after.size(), "no item added or removed");
        assertEquals(before, after, "no item changed");
        assertEquals(outboxItems(before), outboxItems(after), "no message queued");
        JsonNode same = json(f.handle(call("GET", "/v1/referrals/{referralId}", id, null, ANNA)));
        assertEquals(view.get("history"), same.get("history"));
        assertEquals(view.get("path").size(), same.get("path").size());
    }

    /** Every item of the table (the audit is another table), in key order. */
    private List<Map<String, AttributeValue>> items() {
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        f.dynamo.scanPaginator(b -> b.tableName(f.config.table()).consistentRead(true)).items().forEach(out::add);
        out.sort(Comparator.comparing((Map<String, AttributeValue> i) -> i.get("pk").s()).thenComparing(i -> i.get("sk").s()));
        return out;
    }

    /** The outbox's messages among {@code items}. */
    private static long outboxItems(List<Map<String, AttributeValue>> items) {
        return items.stream().filter(i -> i.get("pk").s().startsWith("OUTBOX#")).count();
    }

    @Test
    void aFileWithErrorsGetsAllOfThemInOneAnswerAndWritesNothing() {
        String csv = programme().replace(";IMP-5;", ";IMP/5;").replace("2026-01-16;accepted", "2026-01-16;maybe");
        List<Map<String, AttributeValue>> before = items();
        APIGatewayV2HTTPResponse refused = upload(windows1252(csv), "true", ADMIN, "accept-language", "en");
        assertEquals(422, refused.getStatusCode(), refused.getBody());
        JsonNode errors = json(refused).get("errors");
        assertEquals(2, errors.size(), errors.toString());
        assertEquals(3, errors.get(0).get("row").asInt());
        assertEquals("decision", errors.get(0).get("column").asText());
        assertEquals("enum", errors.get(0).get("code").asText());
        assertTrue(errors.get(0).get("message").asText().startsWith("Must be one of"), errors.toString());
        assertEquals("May only contain letters a-z, digits, dot, hyphen, underscore and single spaces (at most 64).",
                errors.get(1).get("message").asText());
        assertEquals(6, errors.get(1).get("row").asInt());
        assertEquals("jobcentreReference", errors.get(1).get("column").asText());
        assertEquals("reference.format", errors.get(1).get("code").asText());
        assertFalse(refused.getBody().contains("0601801005") || refused.getBody().contains("Deltager"),
                "rows named by number, never by CPR or name");
        APIGatewayV2HTTPResponse dansk = upload(windows1252(csv), "true", ADMIN, "accept-language", "da");
        assertEquals(422, dansk.getStatusCode());
        JsonNode fejl = json(dansk).get("errors");
        assertEquals(2, fejl.size(), fejl.toString());
        assertTrue(fejl.get(0).get("message").asText().startsWith("Skal være en af"), fejl.toString());
        assertEquals("Må kun indeholde bogstaver a-z, tal, punktum, bindestreg, understreg og enkelte mellemrum (højst 64).",
                fejl.get(1).get("message").asText());
        assertEquals("Importen har fejl i rækkerne; intet er skrevet.", json(dansk).get("message").asText());
        assertEquals(200, upload(windows1252(csv), null, ADMIN).getStatusCode(), "a dry run answers its errors");
        // nothing was written: the table's items are as before, and the whole file then imports
        assertEquals(before, items());
        assertEquals(132, json(upload(windows1252(programme()), "true", ADMIN)).get("added").asInt());
    }

    @Test
    void theTemplateChecksWithoutErrors() {
        APIGatewayV2HTTPResponse r = upload(dk.rampe.local.embedded.Events.text("import-template.csv")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), null, ADMIN);
        assertEquals(200, r.getStatusCode(), r.getBody());
        assertEquals(0, json(r).get("errors").size(), r.getBody());
        assertEquals(1, json(r).get("added").asInt());
    }

    @Test
    void onlyAnAdministratorImports() {
        assertEquals(403, upload(windows1252(programme()), null, ANNA).getStatusCode());
    }
}
