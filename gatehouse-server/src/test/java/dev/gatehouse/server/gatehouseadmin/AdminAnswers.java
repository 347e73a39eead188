package dev.gatehouse.server.gatehouseadmin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;

/** The checks every GatehouseAdmin test makes of an answer: a 200 awsJson body, or a 400 of one error type. */
final class AdminAnswers {
    static final ObjectMapper JSON = new ObjectMapper();

    private AdminAnswers() {
    }

    /** The body of a 200 answer in awsJson1.1. */
    static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/x-amz-json-1.1");
        return json(response.body());
    }

    /** A 400 of this type (body and header) whose message contains {@code messagePart}; returns the body. */
    static JsonNode assertError(HttpResponse<String> response, String type, String messagePart) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode body = json(response.body());
        assertThat(body.path("__type").asText()).isEqualTo(type);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains(type);
        assertThat(body.path("Message").asText()).contains(messagePart);
        return body;
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
