package dk.rampe.messaging;

import dk.rampe.followup.Notifier.SendFailure;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/** Turns SDK exceptions into what the dispatcher needs: may it try again, or is it over, or unknown. */
final class SendFailures {
    private SendFailures() {
    }

    static SendFailure classify(RuntimeException e) {
        if (e instanceof AwsServiceException s) {
            String code = s.awsErrorDetails() != null && s.awsErrorDetails().errorCode() != null
                    ? s.awsErrorDetails().errorCode() : "HTTP" + s.statusCode();
            boolean transientFailure = s.isThrottlingException() || s.statusCode() >= 500 || s.statusCode() == 429
                    || code.equals("SendingPausedException") || code.equals("LimitExceededException")
                    || code.equals("KMSThrottling") || code.equals("InternalError");
            return new SendFailure(transientFailure ? SendFailure.Kind.TRANSIENT : SendFailure.Kind.PERMANENT, code, e);
        }
        if (e instanceof SdkClientException) {
            // Not connected at all: certainly not sent. Anything else (a timeout after the request
            // went out) may have been delivered; sending again could duplicate it.
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ConnectException || t instanceof UnknownHostException
                        || t instanceof NoRouteToHostException) {
                    return new SendFailure(SendFailure.Kind.TRANSIENT, "connect", e);
                }
            }
            return new SendFailure(SendFailure.Kind.UNKNOWN, "client", e);
        }
        return new SendFailure(SendFailure.Kind.UNKNOWN, e.getClass().getSimpleName(), e);
    }
}
