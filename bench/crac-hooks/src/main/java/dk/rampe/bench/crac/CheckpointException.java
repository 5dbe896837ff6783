package dk.rampe.bench.crac;

/** The shape of jdk.crac.CheckpointException, which org.crac looks up. */
public class CheckpointException extends Exception {
    private static final long serialVersionUID = 1L;
}
