package dk.rampe.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.rampe.json.Json;
import dk.rampe.json.ReferralCodec;
import dk.rampe.local.embedded.DynamoLocal;
import dk.rampe.local.embedded.SamTemplate;
import dk.rampe.referral.ReferralDetails;
import dk.rampe.referral.ReferralFingerprint;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The route table answers exactly the template's routes; the fingerprint moved to core without changing value. */
class RouteTableTest {

    @Test
    void theRouteTableHoldsExactlyTheTemplatesRouteKeysForThisFunction() {
        Set<String> template = new TreeSet<>();
        for (Map<String, Object> fn : SamTemplate.bundled().resourcesOfType("AWS::Serverless::Function").values()) {
            Map<String, Object> p = SamTemplate.properties(fn);
            if (!String.valueOf(p.get("Handler")).startsWith(ReferralIntakeHandler.class.getName())) continue;
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> events = (Map<String, Map<String, Object>>) p.get("Events");
            for (Map<String, Object> e : events.values()) {
                if (!"HttpApi".equals(e.get("Type"))) continue;
                @SuppressWarnings("unchecked")
                Map<String, Object> ep = (Map<String, Object>) e.get("Properties");
                template.add(ep.get("Method").toString().toUpperCase() + " " + ep.get("Path"));
            }
        }
        try (DynamoLocal local = DynamoLocal.inMemory()) {
            IntakeFixture f = new IntakeFixture(local);
            assertEquals(template, new TreeSet<>(f.handler.routeKeys()));
        }
        assertEquals(17, template.size()); // the referral routes, the plan, attendance plan, agreements, registrations, notices, milestones, exit description, the history import
    }

    @Test
    void theFingerprintIsTheSameValueTheHandlerComputedBefore() throws Exception {
        ObjectNode tricky = IntakeFixture.referral();
        tricky.put("motivation", "Citat: \"ja\" \\ tak\nny linje\r\n\tfane, emoji \uD83D\uDE00, æøå / <>&");
        tricky.remove("desiredStart");
        ((ObjectNode) tricky.get("citizen")).remove("email");
        for (ObjectNode body : new ObjectNode[] {IntakeFixture.referral(), tricky}) {
            ReferralDetails d = ReferralCodec.parse(body);
            byte[] old = MessageDigest.getInstance("SHA-256")
                    .digest(Json.write(ReferralCodec.write(d)).getBytes(StandardCharsets.UTF_8));
            assertEquals(HexFormat.of().formatHex(old), ReferralFingerprint.of(d));
        }
    }
}
