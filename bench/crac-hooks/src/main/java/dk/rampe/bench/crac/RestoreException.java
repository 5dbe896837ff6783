package dk.rampe.bench.crac;

/** The shape of jdk.crac.RestoreException, which org.crac looks up. */
public class RestoreException extends Exception {
    private static final long serialVersionUID = 1L;
}
