package dk.rampe.bench;

import java.util.List;

/**
 * How the cost of an operation grows with the table: the operation run once against tables
 * seeded with N participants, of which a fixed number are due (a sweep) or in the programme
 * (a report). What it reads must follow what is due or in the programme, not the table size.
 *
 * <p>To add a row once a function exists: give {@link #built()} the function's target, its
 * event (a template, see Templates.fill), a {@link Seed} and the budget. The harness resets the
 * tables once, then for each size (ascending) seeds participants {@code [previous size, size)}
 * with {@link Seeder#put}, runs the function once in a metered child JVM and checks
 * items read ≤ perDue × due + constant.
 */
record Growth(String operation, List<Integer> sizes, String unit, int due, String dueMeaning, Built built) {

    /** A built operation: what to run, how to seed, and the budget on items read. */
    record Built(ChildJvm.Target target, ChildJvm.Step event, Seed seed, int perDue, int constant) {
    }

    /**
     * Writes participants {@code from} (inclusive) to {@code to} (exclusive); the scenario decides
     * which are due (for example the first {@code due} of them), so growing the table adds only
     * participants that are not due.
     */
    @FunctionalInterface
    interface Seed {
        void seed(LocalDynamo dynamo, int from, int to, int due);
    }

    static Growth notBuiltYet(String operation, List<Integer> sizes, int due, String dueMeaning) {
        return new Growth(operation, sizes, "participants", due, dueMeaning, null);
    }

    String budgetRule() {
        if (built == null) {
            return due > 0 ? "items read ≤ 2 × due + constant" : "items read follow the programme, not the table";
        }
        return built.perDue() == 0 ? "items read ≤ " + built.constant()
                : "items read ≤ " + built.perDue() + " × " + due + " + " + built.constant();
    }
}
