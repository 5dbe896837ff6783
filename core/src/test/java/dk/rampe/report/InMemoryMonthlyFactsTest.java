package dk.rampe.report;

class InMemoryMonthlyFactsTest extends MonthlyFactsContract {
    @Override
    protected MonthlyFacts newFacts() {
        return new InMemoryMonthlyFacts();
    }
}
