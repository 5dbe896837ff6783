package dk.rampe.aws;

import dk.rampe.config.NudgeConfig;
import dk.rampe.followup.MessageChannel;
import dk.rampe.followup.OutboxMessage;
import dk.rampe.log.Log;
import dk.rampe.ports.Notifier;
import java.time.Clock;

/**
 * Picks the senders: SES and SNS in Lambda, or when {@code AWS_ENDPOINT_URL_SES} /
 * {@code AWS_ENDPOINT_URL_SNS} point somewhere; otherwise the local outbox folder.
 * Needs the sesv2 and sns SDK modules on the class path (the dispatcher has them).
 */
public final class Notifiers {
    private Notifiers() {
    }

    public static Notifier create(NudgeConfig config, String region, Clock clock) {
        LocalOutbox local = new LocalOutbox(config.outboxDir(), config.emailSender(), clock);
        Notifier email = config.emailThroughAws()
                ? new SesEmailSender(SesEmailSender.client(region, config.sesEndpoint(), AwsClients.credentials()),
                        config.emailSender(), config.sesConfigurationSet())
                : local;
        Notifier sms = config.smsThroughAws()
                ? new SnsSmsSender(SnsSmsSender.client(region, config.snsEndpoint(), AwsClients.credentials()),
                        config.smsSenderId())
                : local;
        Log.info("notifiers", "email", config.emailThroughAws() ? "ses" : "localOutbox",
                "sms", config.smsThroughAws() ? "sns" : "localOutbox");
        return byChannel(email, sms);
    }

    public static Notifier byChannel(Notifier email, Notifier sms) {
        return (OutboxMessage m) -> m.channel() == MessageChannel.EMAIL ? email.send(m) : sms.send(m);
    }
}
