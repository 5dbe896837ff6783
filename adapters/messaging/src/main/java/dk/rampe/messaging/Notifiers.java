package dk.rampe.messaging;

import dk.rampe.platform.AwsClients;

import dk.rampe.platform.NudgeConfig;
import dk.rampe.followup.MessageChannel;
import dk.rampe.followup.OutboxMessage;
import dk.rampe.log.Log;
import dk.rampe.followup.Notifier;

/**
 * Picks the senders: SES and SNS in Lambda, or when {@code AWS_ENDPOINT_URL_SES} /
 * {@code AWS_ENDPOINT_URL_SNS} point somewhere; otherwise the local outbox folder.
 * Needs the sesv2 and sns SDK modules on the class path (the dispatcher has them).
 */
public final class Notifiers {
    private Notifiers() {
    }

    /** In Lambda: SES and SNS, nothing else. */
    public static Notifier create(NudgeConfig config, String region) {
        return create(config, region, UNCONFIGURED);
    }

    /** SES/SNS where configured (in Lambda, or an endpoint given); {@code local} for the rest (the outbox folder). */
    public static Notifier create(NudgeConfig config, String region, Notifier local) {
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

    /** Refuses every send: a channel with no provider is a configuration error, visible as a failed message. */
    static final Notifier UNCONFIGURED = m -> {
        throw new Notifier.SendFailure(Notifier.SendFailure.Kind.PERMANENT, "noProvider", null);
    };

    public static Notifier byChannel(Notifier email, Notifier sms) {
        return new ByChannel(email, sms);
    }

    /**
     * Priming before SnapStart's snapshot: each of the notifier's senders that goes to AWS makes a send in full,
     * stopped before it is sent ({@link SesEmailSender#primeMessage}, {@link SnsSmsSender#primeSend}); nothing is
     * sent, and the local outbox has nothing to prime. How many senders were primed.
     */
    public static int primeSends(Notifier notifier) {
        int primed = 0;
        if (notifier instanceof ByChannel c) {
            if (c.email instanceof SesEmailSender ses && ses.primeMessage()) primed++;
            if (c.sms instanceof SnsSmsSender sns && sns.primeSend()) primed++;
        }
        return primed;
    }

    private static final class ByChannel implements Notifier {
        private final Notifier email;
        private final Notifier sms;

        ByChannel(Notifier email, Notifier sms) {
            this.email = email;
            this.sms = sms;
        }

        @Override
        public String send(OutboxMessage m) {
            return m.channel() == MessageChannel.EMAIL ? email.send(m) : sms.send(m);
        }

        @Override
        public String sendWithAttachments(dk.rampe.followup.EmailWithAttachments m) {
            return email.sendWithAttachments(m);
        }
    }
}
