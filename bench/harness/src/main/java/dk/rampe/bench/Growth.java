package dk.rampe.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * How the cost of a sweep or a report grows: the operation run once against tables seeded with
 * N participants, of which a fixed number are due (a sweep) or in the programme (a report).
 * What it reads must follow what is due or in the programme, not the size of the table.
 *
 * <p>To add a row once the function exists, give {@link #built()} the function's target, its
 * scheduled event (a template, see LambdaSim), and a seeder that writes {@code size}
 * participants with {@code due} of them due, using {@link Seeder#put}. The harness resets the
 * tables, seeds them, runs the function once in a metered child JVM and checks the budget.
 */
record Growth(String operation, List<Integer> sizes, int due, String dueMeaning, Built built) {

    /** A built operation: what to run, how to seed, and the budget on items read. */
    record Built(ChildJvm.Target target, Path event, Seed seed, int perDue, int constant) {
    }

    @FunctionalInterface
    interface Seed {
        void seed(LocalDynamo dynamo, int participants, int due);
    }

    static Growth notBuiltYet(String operation, List<Integer> sizes, int due, String dueMeaning) {
        return new Growth(operation, sizes, due, dueMeaning, null);
    }

    String budgetRule(Built b) {
        return "items read ≤ " + b.perDue() + " × due + " + b.constant();
    }
}
