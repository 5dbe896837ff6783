package dk.rampe.bench.crac;

/** What org.crac adapts a registered resource to (the shape of jdk.crac.Resource). */
public interface Resource {
    void beforeCheckpoint(Context<? extends Resource> context) throws Exception;

    void afterRestore(Context<? extends Resource> context) throws Exception;
}
