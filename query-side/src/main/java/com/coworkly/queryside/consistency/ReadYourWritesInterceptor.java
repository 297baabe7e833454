package com.coworkly.queryside.consistency;

import com.coworkly.platform.web.BusinessRefusal;
import com.coworkly.queryside.web.RefusalCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/** Holds a {@link ReadYourWrites} query until its read model has passed {@code ?after=}, or refuses it in time. */
@Component
class ReadYourWritesInterceptor implements HandlerInterceptor {

    static final class ReadModelBehind extends BusinessRefusal {
        ReadModelBehind(long position) {
            super(
                    RefusalCode.READ_MODEL_BEHIND,
                    Kind.UNAVAILABLE,
                    "The read model has not yet reached event position " + position + "; try again shortly.");
        }
    }

    private static final Duration POLL_INTERVAL = Duration.ofMillis(10);

    private final ProcessorProgress progress;
    private final Duration maxWait;

    ReadYourWritesInterceptor(
            ProcessorProgress progress, @Value("${booking.read-your-writes.max-wait:PT5S}") Duration maxWait) {
        this.progress = progress;
        this.maxWait = maxWait;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws InterruptedException {
        String after = request.getParameter("after");
        if (after == null || !(handler instanceof HandlerMethod method)) {
            return true;
        }
        ReadYourWrites readModel = method.getMethodAnnotation(ReadYourWrites.class);
        if (readModel == null) {
            return true;
        }
        long position = parse(after);
        Instant giveUpAt = Instant.now().plus(maxWait);
        while (!allHavePassed(readModel.value(), position)) {
            if (Instant.now().isAfter(giveUpAt)) {
                response.setHeader(HttpHeaders.RETRY_AFTER, "1");
                throw new ReadModelBehind(position);
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
        return true;
    }

    private boolean allHavePassed(String[] processingGroups, long position) {
        return Arrays.stream(processingGroups).allMatch(group -> progress.hasPassed(group, position));
    }

    private static long parse(String after) {
        try {
            long position = Long.parseLong(after);
            if (position >= 0) {
                return position;
            }
        } catch (NumberFormatException e) {
            // refused below, like a negative position
        }
        throw new IllegalArgumentException("after must be an event position (a non-negative integer)");
    }
}
