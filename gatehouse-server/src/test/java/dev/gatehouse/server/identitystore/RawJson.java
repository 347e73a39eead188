package dev.gatehouse.server.identitystore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * An SDK interceptor that sees the JSON on the wire: it keeps the last response body as sent, and can
 * add members to the next request before the SDK signs it. The SDK of the test classpath predates
 * some of the model's members (CreatedAt/By, UserStatus, Roles, Photos, Extensions, …); this is how
 * the tests send and read them through the stock client.
 */
final class RawJson implements ExecutionInterceptor {
    private static final ObjectMapper JSON = new ObjectMapper();

    private volatile JsonNode lastResponse;
    private volatile Consumer<ObjectNode> nextRequest;
    private volatile byte[] editedBody;

    /** The members {@code edit} adds to the next request's JSON. */
    void beforeNext(Consumer<ObjectNode> edit) {
        nextRequest = edit;
    }

    JsonNode lastResponse() {
        return lastResponse;
    }

    /** The edited body and its Content-Length; the SDK signs what these return. */
    @Override
    public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
        byte[] edited = edited(context);
        return edited == null ? context.httpRequest() : context.httpRequest().toBuilder()
                .putHeader("Content-Length", Integer.toString(edited.length)).build();
    }

    @Override
    public Optional<RequestBody> modifyHttpContent(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
        byte[] edited = edited(context);
        return edited == null ? context.requestBody() : Optional.of(RequestBody.fromBytes(edited));
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        editedBody = null;
    }

    /** The request's body with the asked-for members added, made once per request; null when none were asked. */
    private synchronized byte[] edited(Context.ModifyHttpRequest context) {
        Consumer<ObjectNode> edit = nextRequest;
        if (editedBody != null || edit == null || context.requestBody().isEmpty()) {
            return editedBody;
        }
        nextRequest = null;
        try (InputStream in = context.requestBody().get().contentStreamProvider().newStream()) {
            ObjectNode body = (ObjectNode) JSON.readTree(in);
            edit.accept(body);
            editedBody = JSON.writeValueAsBytes(body);
            return editedBody;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
                                                           ExecutionAttributes attributes) {
        if (context.responseBody().isEmpty()) {
            return context.responseBody();
        }
        try (InputStream in = context.responseBody().get()) {
            byte[] bytes = in.readAllBytes();
            lastResponse = bytes.length == 0 ? null : JSON.readTree(bytes);
            return Optional.of(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
