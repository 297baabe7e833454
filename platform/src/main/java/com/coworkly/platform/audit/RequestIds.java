package com.coworkly.platform.audit;

import org.slf4j.MDC;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id of the HTTP request being served on this thread, as the client sent it in {@code X-Request-Id} or as
 * generated for it. It lives in the logging MDC, so log lines carry it as well as the commands a request sends.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "requestId";
    /** A client's id is kept only if it is short and plain: it ends up in logs and in every event. */
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private RequestIds() {}

    public static Optional<String> current() {
        return Optional.ofNullable(MDC.get(MDC_KEY));
    }

    static String acceptOrGenerate(String sent) {
        return sent != null && ACCEPTABLE.matcher(sent).matches()
                ? sent
                : UUID.randomUUID().toString();
    }
}
