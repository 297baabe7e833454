package com.coworkly.systemtests.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * HTTP/1.1 over a plain socket, for what the JDK's client cannot do: send from a chosen local address (any of
 * 127.0.0.0/8, so that the services see several clients on one machine) and send a body chunked, without a
 * Content-Length. One request per connection.
 */
public final class RawHttp {

    private final String baseUrl;
    private final String localAddress;
    private final Map<String, String> headers;

    private RawHttp(String baseUrl, String localAddress, Map<String, String> headers) {
        this.baseUrl = baseUrl;
        this.localAddress = localAddress;
        this.headers = headers;
    }

    /** Requests to the service at {@code baseUrl}, from {@code localAddress}, e.g. 127.0.0.2. */
    public static RawHttp to(String baseUrl, String localAddress) {
        return new RawHttp(baseUrl, localAddress, Map.of());
    }

    public RawHttp header(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new RawHttp(baseUrl, localAddress, more);
    }

    /** A JSON body with its Content-Length. */
    public Reply post(String path, String json) {
        return send(path, json.getBytes(StandardCharsets.UTF_8), false);
    }

    /** A JSON body in chunks, with no Content-Length. */
    public Reply postChunked(String path, String json) {
        return send(path, json.getBytes(StandardCharsets.UTF_8), true);
    }

    private Reply send(String path, byte[] body, boolean chunked) {
        URI base = URI.create(baseUrl);
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(localAddress, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", base.getPort()), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\n")
                    .append("Host: 127.0.0.1:")
                    .append(base.getPort())
                    .append("\r\n")
                    .append("Connection: close\r\nContent-Type: application/json\r\n")
                    .append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + body.length + "\r\n");
            headers.forEach((name, value) ->
                    head.append(name).append(": ").append(value).append("\r\n"));
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            try {
                writeBody(out, body, chunked);
            } catch (IOException e) {
                // The service may answer (413) and close before it has read everything; its answer is still there.
            }
            return read(path, socket.getInputStream());
        } catch (IOException e) {
            throw new IllegalStateException("POST " + path + " from " + localAddress + " failed", e);
        }
    }

    private static void writeBody(OutputStream out, byte[] body, boolean chunked) throws IOException {
        if (!chunked) {
            out.write(body);
        } else {
            for (int from = 0; from < body.length; from += 8192) {
                int length = Math.min(8192, body.length - from);
                out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body, from, length);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.flush();
    }

    private static Reply read(String path, InputStream in) throws IOException {
        String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        int end = answer.indexOf("\r\n\r\n");
        String[] lines = answer.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).trim(), name -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).trim());
        }
        String body = answer.substring(end + 4);
        if (headers.getOrDefault("Transfer-Encoding", List.of()).contains("chunked")) {
            body = dechunked(body);
        }
        return new Reply(
                "POST " + path,
                status,
                HttpHeaders.of(headers, (name, value) -> true),
                new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    }

    private static String dechunked(String chunked) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = 0;
        while (true) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int length = Integer.parseInt(
                    chunked.substring(at, lineEnd).split(";")[0].trim(), 16);
            if (length == 0) {
                return body.toString(StandardCharsets.ISO_8859_1);
            }
            body.writeBytes(chunked.substring(lineEnd + 2, lineEnd + 2 + length).getBytes(StandardCharsets.ISO_8859_1));
            at = lineEnd + 2 + length + 2;
        }
    }
}
