package dk.rampe.intake;

import static dk.rampe.intake.IntakeFixture.ADMIN;
import static dk.rampe.intake.IntakeFixture.call;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.rampe.dynamodb.DynamoSettingsStore;
import dk.rampe.local.embedded.DynamoLocal;
import dk.rampe.local.embedded.Events;
import dk.rampe.settings.SettingsChange;
import dk.rampe.settings.SettingsPart;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The admin API's PUT of the settings is recorded in the same history the web app's settings pages show. */
class AdminSettingsHistoryTest {
    static DynamoLocal local;

    @BeforeAll
    static void startDynamo() {
        local = DynamoLocal.inMemory();
    }

    @AfterAll
    static void stopDynamo() {
        local.close();
    }

    @Test
    void aPutOfTheSettingsIsRecordedWithWhoWhenAndTheParts() {
        IntakeFixture f = new IntakeFixture(local);
        DynamoSettingsStore store = new DynamoSettingsStore(f.dynamo, f.config.table(), f.clock, Duration.ZERO);
        long before = store.version().revision();
        f.clock.advance(Duration.ofMinutes(5));
        String settings = Events.text("settings-sample.json").replace("\"quota\": 45, \"defaultConsultantId\": \"c-bo\"",
                "\"quota\": 50, \"defaultConsultantId\": \"c-bo\"");
        assertEquals(200, f.handle(call("PUT", "/v1/admin/settings", null, settings, ADMIN)).getStatusCode());

        assertEquals(before + 1, store.version().revision());
        assertEquals("admin", store.version().updatedBy());
        SettingsChange change = store.history(1).get(0);
        assertEquals(new SettingsChange(before + 1, "admin", IntakeFixture.NOW.plus(Duration.ofMinutes(5)),
                List.of(new SettingsPart(SettingsPart.Kind.QUOTAS_AND_DATES, "rampe-oestjylland"))), change);
    }
}
