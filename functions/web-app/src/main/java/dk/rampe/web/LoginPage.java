package dk.rampe.web;

import static dk.rampe.core.Html.esc;

import dk.rampe.core.Language;
import dk.rampe.settings.Settings;
import java.util.List;
import java.util.Map;

/** The login pages: the local runner's choice of user, and the page after Cognito's logout. */
final class LoginPage {
    private LoginPage() {
    }

    static String localLogin(WebAppHandler.Request req, List<LocalUsers.User> users, Settings current) {
        Language lang = req.lang();
        StringBuilder sb = new StringBuilder();
        sb.append("<h1>").append(esc(Texts.t(lang, "login.title"))).append("</h1>")
                .append("<div class=\"card\"><p>").append(esc(Texts.t(lang, "login.local"))).append("</p>")
                .append("<form method=\"post\" action=\"/app/login\">");
        for (LocalUsers.User u : users) {
            String label = label(lang, u.claims(), current);
            if (label == null) continue;
            sb.append("<button class=\"user\" type=\"submit\" name=\"user\" value=\"").append(esc(u.name()))
                    .append("\" id=\"login-").append(esc(u.name())).append("\">").append(esc(label))
                    .append("<br><span class=\"meta\">").append(esc(u.name())).append("</span></button>");
        }
        sb.append("</form></div>");
        return Html.page(lang, Texts.t(lang, "login.title"), "", null, sb.toString());
    }

    private static String label(Language lang, Map<String, String> claims, Settings s) {
        List<String> groups = WebAppHandler.groups(claims.get("cognito:groups"));
        String username = claims.getOrDefault("username", claims.get("sub"));
        // administrators: the settings pages only (a machine client with the admin scope has no user to log in)
        if (groups.contains("rampe-admin")) return username == null ? null : username + " · " + Texts.t(lang, "role.admin");
        if (username != null && !groups.isEmpty()) {
            String name = s.programmes().stream().flatMap(p -> p.consultant(username).stream())
                    .map(Settings.Consultant::name).findFirst().orElse(username);
            String role = groups.contains("rampe-owner") ? "role.owner" : "role.consultant";
            return name + " · " + Texts.t(lang, role);
        }
        String client = claims.get("client_id");
        if (client != null) {
            return s.jobcentreByClientId(client).map(j -> j.name() + " · " + Texts.t(lang, "role.caseworker"))
                    .orElse(null);
        }
        return null;
    }

    /** After Cognito's /logout: the app's and Cognito's sessions have both ended. */
    static String loggedOut(Language lang) {
        return Html.page(lang, Texts.t(lang, "loggedOut.title"), "", null, "<h1>" + esc(Texts.t(lang, "loggedOut.title"))
                + "</h1><div class=\"card\"><p id=\"message\">" + esc(Texts.t(lang, "loggedOut.text")) + "</p><p>"
                + "<a href=\"/app/login\" id=\"login-again\">" + esc(Texts.t(lang, "loggedOut.again")) + "</a></p></div>");
    }
}
