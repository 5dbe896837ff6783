package dk.rampe.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The local runner serves the web app from the template's /app routes, with the local login and its cookie. */
class LocalRunnerWebAppTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void theBannerNamesTheAppAndALocalUserLogsInThroughIt() throws Exception {
        try (LocalRunner runner = LocalCalls.start(null, Path.of("target/outbox-web"))) {
            String base = runner.baseUrl();
            assertTrue(runner.banner().contains(base + "/app/login"), runner.banner());

            HttpResponse<String> login = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/app/login")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, login.statusCode());
            assertTrue(login.body().contains("login-local-jobcenter-aarhus"), login.body());
            assertTrue(login.headers().firstValue("content-security-policy").orElse("").contains("frame-ancestors 'none'"));

            HttpResponse<String> in = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/app/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("user=local-consultant-anna")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(303, in.statusCode(), in.body());
            String cookie = in.headers().firstValue("set-cookie").orElseThrow();
            assertTrue(cookie.startsWith("rampe_session=") && cookie.contains("HttpOnly"), cookie);

            HttpResponse<String> queue = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/app/queue"))
                    .header("Cookie", cookie.split(";")[0]).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, queue.statusCode(), queue.body());
            assertTrue(queue.body().contains("id=\"queue\""));
        }
    }
}
