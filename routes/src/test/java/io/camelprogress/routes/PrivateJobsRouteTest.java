package io.camelprogress.routes;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code private-routes/jobs-with-tickets.camel.yaml} as the README's Security section shows it,
 * loaded by Camel Main with {@code ticketSecret} from properties: the POST answers
 * {@code {jobId, ticket}}, the ticket reads that job and no other, and the dashboard ticket from
 * bean {@code progressTickets} reads every job.
 */
@Timeout(60)
class PrivateJobsRouteTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Main main;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        main = new Main();
        main.addInitialProperty("camel.main.routes-include-pattern", "classpath:private-routes/*.camel.yaml");
        main.addInitialProperty("camel.server.enabled", "true");
        main.addInitialProperty("camel.server.host", "127.0.0.1");
        main.addInitialProperty("camel.server.port", Integer.toString(port));
        main.addInitialProperty("camel.component.progress.ticketSecret", "this secret is only for the route test, 32+ bytes");
        main.start();
    }

    @AfterAll
    static void stop() {
        main.stop();
    }

    private static JsonNode startJob(String work) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(uri("/api/jobs"))
                .POST(HttpRequest.BodyPublishers.ofString(work)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals("application/json", answer.headers().firstValue("Content-Type").orElseThrow());
        return JSON.readTree(answer.body());
    }

    private static int status(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String query(String ticket) {
        return "?ticket=" + URLEncoder.encode(ticket, StandardCharsets.UTF_8);
    }

    @Test
    void thePostAnswersJobIdAndTicketThatReadsThatJobOnly() throws Exception {
        JsonNode job = startJob("unpack\nscan");
        String jobId = job.get("jobId").asText();
        String ticket = job.get("ticket").asText();
        assertTrue(jobId.startsWith("job-"), jobId);

        BlockingQueue<String> lines = SseLines.subscribe(HTTP, uri("/progress/jobs/" + jobId + query(ticket)));
        List<String> data = SseLines.dataLines(lines, 4);
        assertEquals("{\"stage\":\"queued\"}", data.get(0));
        assertEquals("{\"stream\":\"jobs/" + jobId + "\",\"stage\":\"working\",\"percent\":100,\"current\":2,\"total\":2,\"message\":\"scan\"}",
                data.get(2));
        assertEquals("{\"status\":\"complete\"}", data.get(3));
        assertEquals("<end>", SseLines.next(lines), "done ends the stream");

        String otherJob = startJob("other").get("jobId").asText();
        assertEquals(401, status("/progress/jobs/" + jobId));
        assertEquals(403, status("/progress/jobs/" + otherJob + query(ticket)));
        assertEquals(403, status("/progress/jobs/*" + query(ticket)));
    }

    @Test
    void theDashboardTicketFromTheBeanReadsEveryJob() throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(uri("/api/jobs/ticket")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        String ticket = JSON.readTree(answer.body()).get("ticket").asText();

        BlockingQueue<String> every = SseLines.subscribe(HTTP, uri("/progress/jobs/*" + query(ticket)));
        String jobId = startJob("one").get("jobId").asText();
        List<String> data = SseLines.dataLines(every, 1);
        assertEquals("{\"stage\":\"queued\"}", data.get(0));
        HttpResponse<String> snapshot = HTTP.send(HttpRequest.newBuilder(uri("/progress/jobs/" + jobId + query(ticket)))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, snapshot.statusCode(), "the channel ticket reads each job too");
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
