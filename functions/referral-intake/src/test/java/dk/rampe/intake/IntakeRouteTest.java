package dk.rampe.intake;

import dk.rampe.local.embedded.DynamoLocal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** The route tests' set-up: one DynamoDB Local per test class, fresh tables and handler for every test. */
abstract class IntakeRouteTest {
    static DynamoLocal local;
    IntakeFixture f;

    @BeforeAll
    static void startDynamo() {
        local = DynamoLocal.inMemory();
    }

    @AfterAll
    static void stopDynamo() {
        local.close();
    }

    @BeforeEach
    void freshTables() {
        f = new IntakeFixture(local);
    }
}
