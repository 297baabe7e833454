import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Random;

/**
 * Projection lag as a member sees it: places one booking at a time and measures, from the moment its 201 arrived,
 * how long until the availability read model shows the slot as taken. Every other booking is measured one of two
 * ways:
 * <ul>
 *   <li>{@code poll}: asks {@code GET /api/resources/{id}/availability} for the hour around the slot again and again,
 *   with no pause, until the slot is no longer free; the lag is the time to the end of the first answer that shows
 *   it taken, an upper bound by at most one answer's round trip (the {@code resolution} column);</li>
 *   <li>{@code after}: asks the same once with {@code ?after=<X-Event-Position>} (docs/consistency.md), which the
 *   query side holds until the availability processor has passed the position; the lag is the time to its answer,
 *   which must show the slot taken.</li>
 * </ul>
 * Between bookings it pauses 50-150 ms, so that it adds little load of its own. Writes one line per booking:
 * {@code method lag_ms resolution_ms polls}.
 *
 * <p>{@code java -cp 'lib/*' Probe.java <commandUrl> <queryUrl> <token> <resourceId> <firstSlotEpochSecond>
 * <seconds> <outFile>} with the query side's libraries (Jackson) on the class path. Slots are 15 minutes, one
 * after the other from the first; the resource must be open round the clock.
 */
public class Probe {

    public static void main(String[] args) throws Exception {
        URI command = URI.create(args[0]);
        URI query = URI.create(args[1]);
        String token = args[2];
        String resource = args[3];
        long firstSlot = Long.parseLong(args[4]);
        Instant stopAt = Instant.now().plusSeconds(Long.parseLong(args[5]));
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ObjectMapper json = new ObjectMapper();
        Random random = new Random();
        int failures = 0;
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[6])))) {
            for (int k = 0; Instant.now().isBefore(stopAt); k++) {
                Instant start = Instant.ofEpochSecond(firstSlot + 900L * k);
                Instant end = start.plusSeconds(900);
                HttpResponse<String> placed = http.send(
                        HttpRequest.newBuilder(command.resolve("/api/bookings"))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"resourceId\":\"" + resource
                                        + "\",\"start\":\"" + start + "\",\"end\":\"" + end + "\"}"))
                                .timeout(Duration.ofSeconds(60))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                long placedAt = System.nanoTime();
                if (placed.statusCode() != 201) {
                    System.err.println("probe booking answered " + placed.statusCode() + ": " + placed.body());
                    if (++failures > 5) {
                        System.exit(1);
                    }
                    continue;
                }
                String position =
                        placed.headers().firstValue("X-Event-Position").orElseThrow();
                String window = "/api/resources/" + resource + "/availability?from=" + start.minusSeconds(3600) + "&to="
                        + end.plusSeconds(3600);
                boolean viaAfter = k % 2 == 1;
                int polls = 0;
                long resolution;
                while (true) {
                    long asked = System.nanoTime();
                    HttpResponse<String> answer = http.send(
                            HttpRequest.newBuilder(query.resolve(window + (viaAfter ? "&after=" + position : "")))
                                    .header("Authorization", "Bearer " + token)
                                    .timeout(Duration.ofSeconds(30))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    long answered = System.nanoTime();
                    polls++;
                    resolution = answered - asked;
                    if (answer.statusCode() != 200) {
                        throw new IllegalStateException(
                                "availability answered " + answer.statusCode() + ": " + answer.body());
                    }
                    if (taken(json.readTree(answer.body()), start, end)) {
                        out.printf(
                                "%s %.3f %.3f %d%n",
                                viaAfter ? "after" : "poll", (answered - placedAt) / 1e6, resolution / 1e6, polls);
                        break;
                    }
                    if (viaAfter) {
                        throw new IllegalStateException("?after=" + position + " answered, but the slot " + start
                                + " is still free: " + answer.body());
                    }
                    if ((answered - placedAt) > 30_000_000_000L) {
                        throw new IllegalStateException("booking at " + start + " not visible after 30 s");
                    }
                }
                Thread.sleep(50 + random.nextInt(100));
            }
        }
    }

    /** True unless some free period of the answer covers any of [start, end). */
    static boolean taken(JsonNode availability, Instant start, Instant end) {
        for (JsonNode free : availability.get("free")) {
            Instant from = OffsetDateTime.parse(free.get("start").asText()).toInstant();
            Instant to = OffsetDateTime.parse(free.get("end").asText()).toInstant();
            if (from.isBefore(end) && to.isAfter(start)) {
                return false;
            }
        }
        return true;
    }
}
