package dk.rampe.followup;

import java.util.List;

/**
 * An email with files attached (the monthly report: HTML body, plain text, CSV): sent directly, not
 * through the outbox (a report is made and sent once per run; the archive keeps what was sent).
 */
public record EmailWithAttachments(List<String> to, String subject, String text, String html,
                                   List<Attachment> attachments) {
    public EmailWithAttachments {
        to = List.copyOf(to);
        attachments = List.copyOf(attachments);
    }

    public record Attachment(String fileName, String contentType, byte[] content) {
    }

    @Override
    public String toString() {
        return "EmailWithAttachments[recipients=" + to.size() + ", attachments=" + attachments.size() + "]";
    }
}
