package io.ticketing.launcher;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An OpenTelemetry collector as far as a test needs one: it takes the spans that services export over OTLP/HTTP
 * (protobuf) and keeps them, each with the name of the service that sent it.
 */
final class OtlpTraceReceiver implements AutoCloseable {

    private static final String TRACES = "/v1/traces";

    /** A span as received: who made it, its name, and the trace it belongs to. */
    record ReceivedSpan(String service, String name, String traceId) {}

    private final HttpServer server;
    private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();

    private OtlpTraceReceiver(HttpServer server) {
        this.server = server;
    }

    static OtlpTraceReceiver start() throws IOException {
        OtlpTraceReceiver receiver = new OtlpTraceReceiver(HttpServer.create(new InetSocketAddress("localhost", 0), 0));
        receiver.server.createContext(TRACES, receiver::receive);
        receiver.server.start();
        return receiver;
    }

    /** Where a service sends its spans: its {@code management.otlp.tracing.endpoint}. */
    String endpoint() {
        return "http://localhost:" + server.getAddress().getPort() + TRACES;
    }

    List<ReceivedSpan> spansOf(String traceId) {
        return spans.stream().filter(span -> span.traceId().equals(traceId)).toList();
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange;
                InputStream body = exchange.getRequestBody()) {
            for (ResourceSpans resourceSpans :
                    ExportTraceServiceRequest.parseFrom(body).getResourceSpansList()) {
                String service = resourceSpans.getResource().getAttributesList().stream()
                        .filter(attribute -> attribute.getKey().equals("service.name"))
                        .map(KeyValue::getValue)
                        .map(value -> value.getStringValue())
                        .findFirst()
                        .orElse("");
                resourceSpans
                        .getScopeSpansList()
                        .forEach(scopeSpans -> scopeSpans
                                .getSpansList()
                                .forEach(span -> spans.add(new ReceivedSpan(
                                        service,
                                        span.getName(),
                                        HexFormat.of()
                                                .formatHex(span.getTraceId().toByteArray())))));
            }
            byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
