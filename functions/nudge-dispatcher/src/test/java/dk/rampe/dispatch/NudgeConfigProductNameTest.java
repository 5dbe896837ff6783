package dk.rampe.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dk.rampe.followup.NudgeTemplates;
import dk.rampe.local.embedded.SamTemplate;
import dk.rampe.platform.NudgeConfig;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RAMPE_PRODUCT_NAME: what a deployment calls itself; checked at start-up, default Rampe. */
class NudgeConfigProductNameTest {
    @Test
    void aDeploymentNamesItselfAndStartUpRefusesWhatTheTemplatesWouldRefuse() {
        assertEquals("Rampe", NudgeConfig.from(Map.of()).productName());
        for (String ok : new String[] {"Jobspor Nord", "Rampe", "Vej & Job", "Trin-2", "Ærø Job"}) {
            NudgeConfig c = NudgeConfig.from(Map.of("RAMPE_PRODUCT_NAME", ok));
            assertEquals(ok, c.productName());
            assertEquals(ok, new NudgeTemplates(ZoneId.of("Europe/Copenhagen"), c.productName()).productName());
        }
        for (String bad : new String[] {"<b>x</b>", "-dash", "A".repeat(21), "Navn: x"}) {
            assertThrows(IllegalArgumentException.class, () -> NudgeConfig.from(Map.of("RAMPE_PRODUCT_NAME", bad)), bad);
        }
    }

    @Test
    void theSamParameterDefaultsToRampeAndAcceptsNoMoreThanTheFunction() {
        Map<?, ?> p = (Map<?, ?>) SamTemplate.bundled().root().get("Parameters");
        Map<?, ?> product = (Map<?, ?>) p.get("ProductName");
        assertEquals("Rampe", product.get("Default"));
        assertEquals(20, ((Number) product.get("MaxLength")).intValue());
        String pattern = (String) product.get("AllowedPattern");
        // what CloudFormation lets through, the function accepts at start-up
        for (String v : new String[] {"Rampe", "Jobspor Nord", "Vej & Job", "Ærø Job", "<b>", "-dash", "Navn: x"}) {
            boolean cfn = v.matches(pattern) && v.length() <= 20;
            boolean code;
            try {
                NudgeConfig.from(Map.of("RAMPE_PRODUCT_NAME", v));
                code = true;
            } catch (IllegalArgumentException e) {
                code = false;
            }
            if (cfn) assertEquals(true, code, v);
        }
    }
}
