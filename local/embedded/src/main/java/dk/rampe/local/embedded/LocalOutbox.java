package dk.rampe.local.embedded;

import dk.rampe.followup.MessageChannel;
import dk.rampe.followup.OutboxMessage;
import dk.rampe.followup.Notifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;

/**
 * Local stand-in for SES and SNS: one .eml file per email in {@code email/}, one JSON line per
 * SMS in {@code sms.jsonl}, and a line on stdout with the message's link. Nothing is merged or
 * overwritten, so a message sent twice shows up twice.
 */
public final class LocalOutbox implements Notifier {
    private final Path dir;
    private final String sender;
    private final Clock clock;

    public LocalOutbox(Path dir, String sender, Clock clock) {
        this.dir = dir;
        this.sender = sender;
        this.clock = clock;
    }

    public Path dir() {
        return dir;
    }

    public Path smsFile() {
        return dir.resolve("sms.jsonl");
    }

    public Path emailDir() {
        return dir.resolve("email");
    }

    @Override
    public synchronized String send(OutboxMessage m) {
        try {
            Files.createDirectories(emailDir());
            String providerId = "local-" + m.messageId();
            if (m.channel() == MessageChannel.EMAIL) {
                Path file = emailDir().resolve(m.messageId() + ".eml");
                for (int n = 2; Files.exists(file); n++) file = emailDir().resolve(m.messageId() + "-" + n + ".eml");
                Files.writeString(file, eml(m), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
                System.out.println("[outbox] email " + m.messageId() + " -> " + file + " : " + m.subject());
            } else {
                String line = "{\"messageId\":" + jsonString(m.messageId()) + ",\"to\":" + jsonString(m.recipient())
                        + ",\"text\":" + jsonString(m.text()) + ",\"at\":" + jsonString(clock.instant().toString()) + "}";
                Files.writeString(smsFile(), line + "\n", StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                System.out.println("[outbox] sms " + m.messageId() + " -> " + smsFile() + " : " + m.text());
            }
            return providerId;
        } catch (IOException e) {
            throw new SendFailure(SendFailure.Kind.TRANSIENT, "localOutboxIo", e);
        }
    }

    /** The monthly report locally: one MIME .eml (multipart/mixed: text and HTML, then the attachments). */
    @Override
    public synchronized String sendWithAttachments(dk.rampe.followup.EmailWithAttachments m) {
        try {
            Files.createDirectories(emailDir());
            String id = "report-" + DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss").withZone(java.time.ZoneOffset.UTC)
                    .format(clock.instant());
            Path file = emailDir().resolve(id + ".eml");
            for (int n = 2; Files.exists(file); n++) file = emailDir().resolve(id + "-" + n + ".eml");
            Files.writeString(file, mime(m, id), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            System.out.println("[outbox] report email -> " + file + " : " + m.subject());
            return "local-" + file.getFileName();
        } catch (IOException e) {
            throw new SendFailure(SendFailure.Kind.TRANSIENT, "localOutboxIo", e);
        }
    }

    static String mime(dk.rampe.followup.EmailWithAttachments m, String id) {
        String mixed = "rampe-mixed-" + id;
        String alt = "rampe-alt-" + id;
        List<String> lines = new java.util.ArrayList<>(List.of(
                "To: " + String.join(", ", m.to()),
                "Subject: =?UTF-8?B?" + Base64.getEncoder().encodeToString(m.subject().getBytes(StandardCharsets.UTF_8)) + "?=",
                "Message-ID: <" + id + "@rampe.local>",
                "MIME-Version: 1.0",
                "Content-Type: multipart/mixed; boundary=\"" + mixed + "\"",
                "",
                "--" + mixed,
                "Content-Type: multipart/alternative; boundary=\"" + alt + "\"",
                "",
                "--" + alt,
                "Content-Type: text/plain; charset=UTF-8",
                "Content-Transfer-Encoding: base64",
                "",
                Base64.getMimeEncoder().encodeToString(m.text().getBytes(StandardCharsets.UTF_8)),
                "--" + alt,
                "Content-Type: text/html; charset=UTF-8",
                "Content-Transfer-Encoding: base64",
                "",
                Base64.getMimeEncoder().encodeToString(m.html().getBytes(StandardCharsets.UTF_8)),
                "--" + alt + "--"));
        for (dk.rampe.followup.EmailWithAttachments.Attachment a : m.attachments()) {
            lines.addAll(List.of(
                    "--" + mixed,
                    "Content-Type: " + a.contentType() + "; name=\"" + a.fileName() + "\"",
                    "Content-Disposition: attachment; filename=\"" + a.fileName() + "\"",
                    "Content-Transfer-Encoding: base64",
                    "",
                    Base64.getMimeEncoder().encodeToString(a.content())));
        }
        lines.add("--" + mixed + "--");
        lines.add("");
        return String.join("\r\n", lines);
    }

    private String eml(OutboxMessage m) {
        String boundary = "rampe-" + m.messageId();
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(clock.instant(), clock.getZone()));
        return String.join("\r\n", List.of(
                "From: " + sender,
                "To: " + m.recipient(),
                "Subject: =?UTF-8?B?" + Base64.getEncoder().encodeToString(m.subject().getBytes(StandardCharsets.UTF_8)) + "?=",
                "Date: " + date,
                "Message-ID: <" + m.messageId() + "@rampe.local>",
                "MIME-Version: 1.0",
                "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"",
                "",
                "--" + boundary,
                "Content-Type: text/plain; charset=UTF-8",
                "Content-Transfer-Encoding: 8bit",
                "",
                m.text(),
                "--" + boundary,
                "Content-Type: text/html; charset=UTF-8",
                "Content-Transfer-Encoding: 8bit",
                "",
                m.html(),
                "--" + boundary + "--",
                ""));
    }

    /** A JSON string literal (the outbox folder is read by people and tests, not by Rampe). */
    static String jsonString(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029) b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.append('"').toString();
    }
}
