package com.coworkly.platform.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Tomcat's report of an error nothing else answered: a request refused before any servlet sees it (a path with an
 * encoded slash or backslash, characters a request line may not hold). Tomcat's own report is an HTML page; this
 * one is a problem, like every other answer of the services, and says nothing about the server.
 */
public class ProblemReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatusCode code = HttpStatusCode.valueOf(status);
        String detail = ProblemErrorController.detailOf(code);
        String problem = "{\"type\":\"https://coworkly.example/problems/"
                + ProblemErrorController.codeOf(code).toLowerCase().replace('_', '-') + "\",\"status\":" + status
                + ",\"code\":\"" + ProblemErrorController.codeOf(code) + "\""
                + (detail == null ? "" : ",\"detail\":\"" + detail + "\"") + "}";
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(problem);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client has gone, or the answer was already under way: nothing more to say
        }
    }
}
