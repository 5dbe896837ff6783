package dk.rampe.messaging;

import dk.rampe.platform.AwsClients;

import dk.rampe.followup.MessageChannel;
import dk.rampe.followup.OutboxMessage;
import dk.rampe.followup.Notifier;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

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
        return AwsClients.configure(SnsClient.builder(), region, endpoint, credentials)
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    @Override
    public String send(OutboxMessage m) {
        if (m.channel() != MessageChannel.SMS) throw new IllegalArgumentException("not an SMS");
        Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
        attributes.put("AWS.SNS.SMS.SMSType", MessageAttributeValue.builder().dataType("String")
                .stringValue("Transactional").build());
        if (senderId != null) {
            attributes.put("AWS.SNS.SMS.SenderID", MessageAttributeValue.builder().dataType("String")
                    .stringValue(senderId).build());
        }
        try {
            return sns.publish(b -> b.phoneNumber(m.recipient()).message(m.text()).messageAttributes(attributes))
                    .messageId();
        } catch (RuntimeException e) {
            throw SendFailures.classify(e);
        }
    }
}
