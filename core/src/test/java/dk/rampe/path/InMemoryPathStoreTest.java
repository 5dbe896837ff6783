package dk.rampe.path;

class InMemoryPathStoreTest extends PathStoreContract {
    @Override
    protected PathStore newStore() {
        return new InMemoryPathStore();
    }
}
