package dk.rampe.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrimingTest {
    @Test
    void aFailedStepIsNamedAndTheOthersStillRunInOrder() {
        List<String> ran = new ArrayList<>();
        Priming priming = new Priming("test")
                .step("first", () -> ran.add("first"))
                .step("broken", () -> {
                    throw new IllegalStateException("no table");
                })
                .step("last", () -> ran.add("last"));
        assertEquals(List.of("first", "broken", "last"), priming.steps());
        assertEquals(List.of("broken"), priming.run());
        assertEquals(List.of("first", "last"), ran);
    }

    @Test
    void theCheckpointHookRunsTheSteps() throws Exception {
        List<String> ran = new ArrayList<>();
        Priming priming = new Priming("test").step("read", () -> ran.add("read"));
        Primed handler = () -> priming;
        handler.beforeCheckpoint(null);
        handler.afterRestore(null);
        assertEquals(List.of("read"), ran);
    }
}
