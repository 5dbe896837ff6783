package dk.rampe.messaging;

import dk.rampe.platform.AwsClients;
import dk.rampe.platform.DryRun;

import dk.rampe.followup.MessageChannel;
import dk.rampe.followup.OutboxMessage;
import dk.rampe.followup.Notifier;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishRequest;

/**
 * SMS through SNS Publish to a phone number, as a Transactional SMS with an alphanumeric sender
 * id (Denmark supports them). No SDK retries, for the same reason as {@link SesEmailSender}.
 */
public final class SnsSmsSender implements Notifier {
    private final SnsClient sns;
    private final String senderId;

    public SnsSmsSender(SnsClient sns, String senderId) {
        if (senderId != null && !senderId.matches("^(?=.*[A-Za-z])[A-Za-z0-9]{3,11}$")) {
            throw new IllegalArgumentException("an SMS sender id is 1-11 letters and digits, with a letter");
        }
        this.sns = sns;
        this.senderId = senderId;
    }

    public static SnsClient client(String region, String endpoint, AwsCredentialsProvider credentials) {
        // no SDK retries: the outbox owns retries, and a retry after a timeout could deliver twice
        // and the DryRun interceptor, which stops the publish primeSend makes before it is sent
        return AwsClients.configure(SnsClient.builder(), region, endpoint, credentials)
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .addExecutionInterceptor(DryRun.INTERCEPTOR))
                .build();
    }

    /**
     * Priming before SnapStart's snapshot: an SMS as {@link #send} publishes it (to a number of the range
     * reserved for fiction, +1 555 0100), marshalled, resolved and signed by the client, stopped before it is
     * sent ({@link DryRun}). Only on a client built by {@link #client}; true when made.
     */
    public boolean primeSend() {
        if (!DryRun.stops(sns.serviceClientConfiguration().overrideConfiguration().executionInterceptors())) return false;
        OutboxMessage prime = OutboxMessage.pending("prime", "prime", "prime", MessageChannel.SMS, "+15555550100",
                null, "prime", null, false, java.time.Instant.EPOCH, java.time.Instant.EPOCH);
        DryRun.expectNotSent(() -> sns.publish(request(prime).overrideConfiguration(DryRun::mark).build()));
        return true;
    }

    @Override
    public String send(OutboxMessage m) {
        if (m.channel() != MessageChannel.SMS) throw new IllegalArgumentException("not an SMS");
        try {
            return sns.publish(request(m).build()).messageId();
        } catch (RuntimeException e) {
            throw SendFailures.classify(e);
        }
    }

    /** A Transactional SMS to the message's number, with the sender id where one is set. */
    private PublishRequest.Builder request(OutboxMessage m) {
        Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
        attributes.put("AWS.SNS.SMS.SMSType", MessageAttributeValue.builder().dataType("String")
                .stringValue("Transactional").build());
        if (senderId != null) {
            attributes.put("AWS.SNS.SMS.SenderID", MessageAttributeValue.builder().dataType("String")
                    .stringValue(senderId).build());
        }
        return PublishRequest.builder().phoneNumber(m.recipient()).message(m.text()).messageAttributes(attributes);
    }
}
