package dk.rampe.platform;

import software.amazon.awssdk.core.RequestOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * A request made before SnapStart's snapshot that must have no effect: the client marshals it, resolves its
 * endpoint, runs its interceptors and signs it, and this interceptor (on the clients of the calls that write
 * or send: the report's S3 put, SES's SendEmail) stops it before a byte is sent. Only a request marked with
 * {@link #mark} is stopped; a priming step makes it only on a client that carries this interceptor
 * ({@link #stops}), so a client built without it is never asked.
 */
public final class DryRun implements ExecutionInterceptor {
    /** Set on a request's override configuration by {@link #mark}. */
    public static final ExecutionAttribute<Boolean> PRIMING = new ExecutionAttribute<>("RampePrimingDryRun");
    /** The one instance the clients carry. */
    public static final DryRun INTERCEPTOR = new DryRun();

    private DryRun() {
    }

    /** Thrown before transmission of a marked request: it was made in full and never sent. */
    public static final class NotSent extends RuntimeException {
        NotSent() {
            super("primed request, stopped before it was sent", null, false, false);
        }
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        if (Boolean.TRUE.equals(attributes.getAttribute(PRIMING))) throw new NotSent();
    }

    /** Marks a request's override configuration, so this interceptor stops it. */
    public static <B extends RequestOverrideConfiguration.Builder<B>> B mark(B overrides) {
        return overrides.putExecutionAttribute(PRIMING, Boolean.TRUE);
    }

    /** Whether a client was built with this interceptor (its override configuration lists it). */
    public static boolean stops(java.util.List<ExecutionInterceptor> clientInterceptors) {
        return clientInterceptors.contains(INTERCEPTOR);
    }

    /**
     * Runs a marked call, which must end as {@link NotSent} (however the client wraps it); an answer means the
     * request was sent, which is an error, and so is any other failure.
     */
    public static void expectNotSent(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof NotSent) return;
            }
            throw e;
        }
        throw new IllegalStateException("a primed request was sent");
    }
}
