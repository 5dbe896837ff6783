package dk.rampe.messaging;

import dk.rampe.platform.AwsClients;
import dk.rampe.platform.DryRun;

import dk.rampe.followup.MessageChannel;
import dk.rampe.followup.OutboxMessage;
import dk.rampe.followup.Notifier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.MessageTag;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;

/**
 * Email through SES v2 SendEmail: one recipient, subject, plain text and HTML in UTF-8, tagged
 * with the outbox message id. The SDK does not retry by itself: the outbox owns retries, and an
 * SDK retry after a timeout could send the same email twice.
 */
public final class SesEmailSender implements Notifier {
    private final SesV2Client ses;
    private final String sender;
    private final String configurationSet;

    public SesEmailSender(SesV2Client ses, String sender, String configurationSet) {
        this.ses = ses;
        this.sender = sender;
        this.configurationSet = configurationSet == null || configurationSet.isBlank() ? null : configurationSet;
    }

    public static SesV2Client client(String region, String endpoint, AwsCredentialsProvider credentials) {
        // no SDK retries: the outbox owns retries, and a retry after a timeout could deliver twice
        // and the DryRun interceptor, which stops the send primeSend makes before it is sent
        return AwsClients.configure(SesV2Client.builder(), region, endpoint, credentials)
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .addExecutionInterceptor(DryRun.INTERCEPTOR))
                .build();
    }

    /**
     * Priming before SnapStart's snapshot: the report's email as {@link #sendWithAttachments} makes it (to an
     * address of the reserved {@code example.invalid} domain, with a CSV attachment), marshalled, resolved and
     * signed by the client, stopped before it is sent ({@link DryRun}). Only on a client built by {@link #client};
     * true when made.
     */
    public boolean primeSend() {
        if (!DryRun.stops(ses.serviceClientConfiguration().overrideConfiguration().executionInterceptors())) return false;
        DryRun.expectNotSent(() -> ses.sendEmail(request(new dk.rampe.followup.EmailWithAttachments(
                java.util.List.of("prime@example.invalid"), "prime", "prime", "<p>prime</p>",
                java.util.List.of(new dk.rampe.followup.EmailWithAttachments.Attachment("prime.csv",
                        "text/csv; charset=UTF-8", "month\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)))))
                .overrideConfiguration(DryRun::mark).build()));
        return true;
    }

    /**
     * Priming before SnapStart's snapshot: a nudge's email as {@link #send} makes it (to an address of the
     * reserved {@code example.invalid} domain), marshalled, resolved and signed by the client, stopped before it
     * is sent ({@link DryRun}). Only on a client built by {@link #client}; true when made.
     */
    public boolean primeMessage() {
        if (!DryRun.stops(ses.serviceClientConfiguration().overrideConfiguration().executionInterceptors())) return false;
        OutboxMessage prime = OutboxMessage.pending("prime", "prime", "prime", MessageChannel.EMAIL,
                "prime@example.invalid", "prime", "prime", "<p>prime</p>", false, java.time.Instant.EPOCH,
                java.time.Instant.EPOCH);
        DryRun.expectNotSent(() -> ses.sendEmail(request(prime).overrideConfiguration(DryRun::mark).build()));
        return true;
    }

    @Override
    public String send(OutboxMessage m) {
        if (m.channel() != MessageChannel.EMAIL) throw new IllegalArgumentException("not an email");
        try {
            return ses.sendEmail(request(m).build()).messageId();
        } catch (RuntimeException e) {
            throw SendFailures.classify(e);
        }
    }

    /** One recipient, subject, plain text and HTML in UTF-8, tagged with the outbox message id. */
    private SendEmailRequest.Builder request(OutboxMessage m) {
        SendEmailRequest.Builder request = SendEmailRequest.builder()
                .fromEmailAddress(sender)
                .destination(d -> d.toAddresses(m.recipient()))
                .content(c -> c.simple(s -> s
                        .subject(t -> t.data(m.subject()).charset("UTF-8"))
                        .body(b -> b.text(t -> t.data(m.text()).charset("UTF-8"))
                                .html(h -> h.data(m.html()).charset("UTF-8")))))
                .emailTags(MessageTag.builder().name("rampeMessageId").value(m.messageId()).build());
        if (configurationSet != null) request.configurationSetName(configurationSet);
        return request;
    }

    /**
     * The monthly report: SES v2 SendEmail (simple content) with attachments, to every recipient
     * (To: the programme's report recipients), tagged with the report's kind.
     */
    @Override
    public String sendWithAttachments(dk.rampe.followup.EmailWithAttachments m) {
        try {
            return ses.sendEmail(request(m).build()).messageId();
        } catch (RuntimeException e) {
            throw SendFailures.classify(e);
        }
    }

    private SendEmailRequest.Builder request(dk.rampe.followup.EmailWithAttachments m) {
        java.util.List<software.amazon.awssdk.services.sesv2.model.Attachment> files = new java.util.ArrayList<>();
        for (dk.rampe.followup.EmailWithAttachments.Attachment a : m.attachments()) {
            files.add(software.amazon.awssdk.services.sesv2.model.Attachment.builder()
                    .fileName(a.fileName())
                    .contentType(a.contentType())
                    .contentDisposition(software.amazon.awssdk.services.sesv2.model.AttachmentContentDisposition.ATTACHMENT)
                    .contentTransferEncoding(software.amazon.awssdk.services.sesv2.model.AttachmentContentTransferEncoding.BASE64)
                    .rawContent(software.amazon.awssdk.core.SdkBytes.fromByteArray(a.content()))
                    .build());
        }
        SendEmailRequest.Builder request = SendEmailRequest.builder()
                .fromEmailAddress(sender)
                .destination(d -> d.toAddresses(m.to()))
                .content(c -> c.simple(s -> s
                        .subject(t -> t.data(m.subject()).charset("UTF-8"))
                        .body(b -> b.text(t -> t.data(m.text()).charset("UTF-8"))
                                .html(h -> h.data(m.html()).charset("UTF-8")))
                        .attachments(files)))
                .emailTags(MessageTag.builder().name("rampeKind").value("monthlyReport").build());
        if (configurationSet != null) request.configurationSetName(configurationSet);
        return request;
    }
}
