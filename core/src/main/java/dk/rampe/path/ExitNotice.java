package dk.rampe.path;

import static dk.rampe.core.Html.esc;

import dk.rampe.followup.MessageChannel;
import dk.rampe.followup.Outbox;
import dk.rampe.followup.OutboxMessage;
import dk.rampe.log.Log;
import dk.rampe.referral.Referral;
import dk.rampe.schedule.DecisionIds;
import java.time.Instant;

/**
 * The caseworker's notice that an exit description is ready: a neutral email (the case reference and
 * a link to the API resource, nothing about the person, the benefit or the programme), through the
 * outbox so it is sent at most once; the same exit gives the same message id.
 */
public final class ExitNotice {
    private final Outbox outbox;
    private final String publicBaseUrl;

    public ExitNotice(Outbox outbox, String publicBaseUrl) {
        this.outbox = outbox;
        this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
                : publicBaseUrl;
    }

    /** Queues the notice; false when the referral names no caseworker email or it was queued before. */
    public boolean send(Referral r, Instant now) {
        if (r.details().caseworker() == null || r.details().caseworker().email() == null) {
            Log.warn("exitNotice.noCaseworkerEmail", "referralId", r.id());
            return false;
        }
        // the web app's page for the referral (it asks for login); systems read GET …/exit-description
        String link = publicBaseUrl + "/app/referrals/" + r.id();
        String subject = "Beskrivelse ved afslutning – sag " + r.id();
        String text = "Der er en beskrivelse ved afslutning i sag " + r.id() + ".\n"
                + "Læs den i Rampe (log ind): " + link + "\n";
        String html = "<p>Der er en beskrivelse ved afslutning i sag " + esc(r.id()) + ".</p><p>Læs den i Rampe (log ind): "
                + "<a href=\"" + esc(link) + "\">" + esc(link) + "</a></p>";
        String key = "exitDescription|" + r.id() + "|email";
        OutboxMessage m = OutboxMessage.pending(key, DecisionIds.of("X", "exitDescription", r.id()), r.programmeId(),
                MessageChannel.EMAIL, r.details().caseworker().email().value(), subject, text, html, false, now, now);
        boolean queued = outbox.enqueue(m);
        Log.info("exitNotice.queued", "referralId", r.id(), "new", Boolean.toString(queued));
        return queued;
    }
}
