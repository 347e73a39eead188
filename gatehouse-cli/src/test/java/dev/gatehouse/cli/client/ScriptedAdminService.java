package dev.gatehouse.cli.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A stand-in GatehouseAdmin service on a loopback port: answers each {@code X-Amz-Target} with the
 * next answer scripted for that operation (status and awsJson body) and records what it was sent.
 */
final class ScriptedAdminService implements AutoCloseable {
    /** One request as it arrived: the operation, the Authorization header, the JSON body. */
    record Call(String operation, String authorization, String body) {
    }

    private record Answer(int status, String body) {
    }

    private final HttpServer server;
    private final Map<String, Deque<Answer>> script = new HashMap<>();
    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());

    ScriptedAdminService() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next call of {@code operation} (e.g. {@code ListSessions}) answers 200 with {@code body}. */
    ScriptedAdminService answer(String operation, String body) {
        return answer(operation, 200, body);
    }

    ScriptedAdminService answer(String operation, int status, String body) {
        synchronized (script) {
            script.computeIfAbsent(operation, o -> new ArrayDeque<>()).add(new Answer(status, body));
        }
        return this;
    }

    List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        String operation = target == null ? "" : target.substring(target.indexOf('.') + 1);
        calls.add(new Call(operation, exchange.getRequestHeaders().getFirst("Authorization"),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        Answer answer;
        synchronized (script) {
            Deque<Answer> answers = script.get(operation);
            answer = answers == null || answers.isEmpty()
                    ? new Answer(400, "{\"__type\":\"NotScripted\",\"Message\":\"nothing scripted for " + operation + "\"}")
                    : answers.poll();
        }
        byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(answer.status(), out.length);
        try (OutputStream stream = exchange.getResponseBody()) {
            stream.write(out);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
