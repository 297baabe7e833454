import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The operators' command line for the query side's read models, launched by bin/booking-ops as a single-file
 * program (java bin/BookingOps.java ...), so that it needs nothing but Java 17. See docs/operations.md.
 *
 * <p>One file longer than our usual 250 lines on purpose: it runs as a single-file source program ({@code java
 * bin/BookingOps.java}), without a build, and such a program cannot span several files.
 */
public class BookingOps {

    private static final String USAGE = """
            usage: bin/booking-ops projections          every read model's position, lag and rebuild
                   bin/booking-ops replay <name>        rebuild a read model from the first event, with a progress bar

            Settings (environment):
              BOOKING_QUERY_URL      the query side (default http://localhost:8081)
              BOOKING_COMMAND_URL    the command side, which signs in (default http://localhost:8080)
              BOOKING_OPS_TOKEN      an operator's access token; without it the tool signs in with
              BOOKING_OPS_USER       (default operator@demo.coworkly.test) and
              BOOKING_OPS_PASSWORD   (default the demo operator's password)""";

    private static final PrintStream out = System.out;
    private static final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("projections")) {
            System.exit(list());
        }
        if (args.length == 2 && args[0].equals("replay")) {
            System.exit(replay(args[1]));
        }
        System.err.println(USAGE);
        System.exit(args.length == 1 && (args[0].equals("-h") || args[0].equals("--help")) ? 0 : 2);
    }

    private static int list() throws Exception {
        String token = token();
        Response response = call("GET", queryUrl() + "/api/operations/projections", token);
        if (!response.ok()) {
            return response.fail();
        }
        out.printf("%-16s %9s %12s %12s %10s  %s%n", "NAME", "SEGMENTS", "POSITION", "HEAD", "LAG", "REBUILD");
        for (Object item : (List<?>) response.json()) {
            Map<?, ?> projection = (Map<?, ?>) item;
            Map<?, ?> replay = (Map<?, ?>) projection.get("replay");
            String rebuild = !Boolean.TRUE.equals(projection.get("replayable"))
                    ? "never (sends emails)"
                    : replay == null
                            ? (Boolean.TRUE.equals(projection.get("replaying")) ? "running elsewhere" : "-")
                            : replay.get("state") + " " + number(replay.get("percent")) + "%";
            out.printf(
                    "%-16s %9s %12s %12s %10s  %s%n",
                    projection.get("name"),
                    number(projection.get("segments")),
                    number(projection.get("position")),
                    number(projection.get("head")),
                    number(projection.get("lag")),
                    rebuild);
        }
        return 0;
    }

    private static int replay(String name) throws Exception {
        String token = token();
        Response started = call("POST", queryUrl() + "/api/operations/projections/" + name + "/replay", token);
        if (!started.ok()) {
            return started.fail();
        }
        out.println("Rebuilding " + name + " from the first event; queries keep answering from the current tables.");
        boolean terminal = System.console() != null;
        while (true) {
            Thread.sleep(500); // the poll interval of a progress display, not a wait for a condition
            Response response = call("GET", queryUrl() + "/api/operations/projections", token);
            if (!response.ok()) {
                out.println();
                return response.fail();
            }
            Map<?, ?> replay = replayOf(response.json(), name);
            if (replay == null) {
                out.println();
                System.err.println("booking-ops: the query side that answered knows no rebuild of " + name
                        + " (several instances behind a load balancer? point BOOKING_QUERY_URL at the one that"
                        + " started it)");
                return 1;
            }
            String state = String.valueOf(replay.get("state"));
            String line = progressLine(replay);
            out.print(terminal ? "\r" + line : line + System.lineSeparator());
            out.flush();
            if (state.equals("COMPLETED")) {
                out.println(System.lineSeparator() + name + " rebuilt and switched over.");
                return 0;
            }
            if (state.equals("FAILED")) {
                out.println(System.lineSeparator() + "The rebuild failed: " + replay.get("failure"));
                return 1;
            }
        }
    }

    static String progressLine(Map<?, ?> replay) {
        double percent = ((Number) replay.get("percent")).doubleValue();
        int width = 30;
        int filled = (int) Math.round(percent / 100 * width);
        Object secondsLeft = replay.get("secondsLeft");
        String left = secondsLeft == null ? "--:--" : duration(((Number) secondsLeft).longValue());
        return String.format(
                Locale.ROOT,
                "[%s%s] %5.1f%%  %,d/%,d  %,d events/s  ETA %s  %-10s",
                "#".repeat(filled),
                ".".repeat(width - filled),
                percent,
                ((Number) replay.get("position")).longValue(),
                ((Number) replay.get("head")).longValue(),
                ((Number) replay.get("eventsPerSecond")).longValue(),
                left,
                replay.get("state"));
    }

    private static Map<?, ?> replayOf(Object projections, String name) {
        for (Object item : (List<?>) projections) {
            Map<?, ?> projection = (Map<?, ?>) item;
            if (name.equals(projection.get("name"))) {
                return (Map<?, ?>) projection.get("replay");
            }
        }
        return null;
    }

    private static String token() throws Exception {
        String token = System.getenv("BOOKING_OPS_TOKEN");
        if (token != null && !token.isBlank()) {
            return token;
        }
        String user = env("BOOKING_OPS_USER", "operator@demo.coworkly.test");
        String password = env("BOOKING_OPS_PASSWORD", "operator-demo-password");
        String body = "{\"username\":" + Json.quote(user) + ",\"password\":" + Json.quote(password) + "}";
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(env("BOOKING_COMMAND_URL", "http://localhost:8080") + "/api/auth/token"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        Response response = send(request);
        if (!response.ok()) {
            System.err.println("booking-ops: could not sign in as " + user);
            System.exit(response.fail());
        }
        return (String) ((Map<?, ?>) response.json()).get("access_token");
    }

    private static Response call(String method, String url, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        return send(request);
    }

    private static Response send(HttpRequest request) throws InterruptedException {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(request.uri().toString(), response.statusCode(), response.body());
        } catch (IOException e) {
            return new Response(request.uri().toString(), 0, "cannot reach it: " + e);
        }
    }

    private static String queryUrl() {
        return env("BOOKING_QUERY_URL", "http://localhost:8081");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String number(Object value) {
        if (value == null) {
            return "-";
        }
        double number = ((Number) value).doubleValue();
        return number == Math.rint(number)
                ? String.format(Locale.ROOT, "%,d", (long) number)
                : String.format(Locale.ROOT, "%.1f", number);
    }

    private static String duration(long seconds) {
        return seconds >= 3600
                ? String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format("%d:%02d", seconds / 60, seconds % 60);
    }

    private record Response(String url, int status, String body) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        Object json() {
            return Json.parse(body);
        }

        /** Says why, with the problem's code and detail when the service sent one; the exit status is 1. */
        int fail() {
            String why = body;
            if (body != null && body.startsWith("{")) {
                Map<?, ?> problem = (Map<?, ?>) Json.parse(body);
                why = problem.get("code") + ": " + problem.get("detail");
            }
            System.err.println("booking-ops: " + url + (status == 0 ? " " : " answered " + status + " ") + why);
            return 1;
        }
    }

    /** Just enough JSON for the service's answers, so that the tool needs no library. */
    static final class Json {

        private final String text;
        private int at;

        private Json(String text) {
            this.text = text;
        }

        static Object parse(String text) {
            Json json = new Json(text);
            Object value = json.value();
            json.space();
            if (json.at != text.length()) {
                throw new IllegalArgumentException("unexpected JSON after position " + json.at);
            }
            return value;
        }

        static String quote(String value) {
            StringBuilder quoted = new StringBuilder("\"");
            for (char c : value.toCharArray()) {
                switch (c) {
                    case '"' -> quoted.append("\\\"");
                    case '\\' -> quoted.append("\\\\");
                    default -> {
                        if (c < 0x20) {
                            quoted.append(String.format("\\u%04x", (int) c));
                        } else {
                            quoted.append(c);
                        }
                    }
                }
            }
            return quoted.append('"').toString();
        }

        private Object value() {
            space();
            char c = text.charAt(at);
            if (c == '{') {
                return object();
            }
            if (c == '[') {
                return array();
            }
            if (c == '"') {
                return string();
            }
            if (text.startsWith("true", at)) {
                at += 4;
                return Boolean.TRUE;
            }
            if (text.startsWith("false", at)) {
                at += 5;
                return Boolean.FALSE;
            }
            if (text.startsWith("null", at)) {
                at += 4;
                return null;
            }
            int start = at;
            while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
            return Double.valueOf(text.substring(start, at));
        }

        private Map<String, Object> object() {
            Map<String, Object> object = new LinkedHashMap<>();
            at++;
            space();
            if (text.charAt(at) == '}') {
                at++;
                return object;
            }
            while (true) {
                space();
                String key = string();
                space();
                expect(':');
                object.put(key, value());
                space();
                if (text.charAt(at++) == '}') {
                    return object;
                }
            }
        }

        private List<Object> array() {
            List<Object> array = new ArrayList<>();
            at++;
            space();
            if (text.charAt(at) == ']') {
                at++;
                return array;
            }
            while (true) {
                array.add(value());
                space();
                if (text.charAt(at++) == ']') {
                    return array;
                }
            }
        }

        private String string() {
            expect('"');
            StringBuilder string = new StringBuilder();
            while (text.charAt(at) != '"') {
                char c = text.charAt(at++);
                if (c != '\\') {
                    string.append(c);
                    continue;
                }
                char escaped = text.charAt(at++);
                switch (escaped) {
                    case 'n' -> string.append('\n');
                    case 't' -> string.append('\t');
                    case 'r' -> string.append('\r');
                    case 'b' -> string.append('\b');
                    case 'f' -> string.append('\f');
                    case 'u' -> {
                        string.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        at += 4;
                    }
                    default -> string.append(escaped);
                }
            }
            at++;
            return string.toString();
        }

        private void expect(char c) {
            if (text.charAt(at++) != c) {
                throw new IllegalArgumentException("expected '" + c + "' at position " + (at - 1));
            }
        }

        private void space() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }
    }
}
