package dk.rampe.web;

import dk.rampe.core.Language;
import java.time.Instant;
import java.time.LocalDate;

/** A page in the app's shared frame, with the dates, times and names written as {@link Views} writes them. */
abstract class FramedPage {
    final Views views;

    FramedPage(Views views) {
        this.views = views;
    }

    String page(WebAppHandler.Request req, String csrf, String title, String main) {
        return views.page(req, csrf, title, main);
    }

    String date(Language lang, Instant at) {
        return views.date(lang, at);
    }

    static String date(Language lang, LocalDate d) {
        return Views.date(lang, d);
    }

    String time(Language lang, Instant at) {
        return views.time(lang, at);
    }

    String jobcentreName(String id) {
        return views.jobcentreName(id);
    }
}
