package dk.rampe.bench.crac;

/** What org.crac calls (the shape of jdk.crac.Core): the one global context. */
public final class Core {
    private static final Context<Resource> GLOBAL = new Context<>();

    private Core() {
    }

    public static Context<Resource> getGlobalContext() {
        return GLOBAL;
    }

    /** Not used: the checkpoint is {@link PrimedStart}'s, run when the harness says init is over. */
    public static void checkpointRestore() throws CheckpointException, RestoreException {
        throw new UnsupportedOperationException("the bench runs the hooks itself");
    }
}
