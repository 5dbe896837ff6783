package dk.rampe.followup;


/** Hands one message to a provider (SES, SNS, or the local outbox folder). */
public interface Notifier {

    /** Sends and returns the provider's message id; throws {@link SendFailure} when the provider says no. */
    String send(OutboxMessage message);

    /** Sends an email with attachments (the monthly report); a notifier that cannot refuses permanently. */
    default String sendWithAttachments(EmailWithAttachments email) {
        throw new SendFailure(SendFailure.Kind.PERMANENT, "attachmentsNotSupported", null);
    }

    /** Why a send failed, as the dispatcher needs it. Codes are provider error codes, never content. */
    final class SendFailure extends RuntimeException {
        public enum Kind {
            /** Not sent; trying again later may work (throttling, 5xx, no connection). */
            TRANSIENT,
            /** Not sent and never will be (rejected address, bad request, opted out). */
            PERMANENT,
            /** It is not known whether the provider took it (a timeout after the request went out). */
            UNKNOWN
        }

        private final Kind kind;
        private final String code;

        public SendFailure(Kind kind, String code, Throwable cause) {
            super(kind + ":" + code, cause, false, false);
            this.kind = kind;
            this.code = code;
        }

        public Kind kind() {
            return kind;
        }

        public String code() {
            return code;
        }
    }
}
