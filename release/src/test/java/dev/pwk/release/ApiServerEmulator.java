package dev.pwk.release;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.internal.SimpleRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Queue;

/**
 * The fabric8 mock server in CRUD mode plus the two API server features pwk needs that it lacks
 * (fabric8io/kubernetes-client#5337): server-side apply (create when absent, otherwise replace the
 * object while keeping its status and server-set metadata, as a sole field manager sees it) and
 * {@code dryRun=All} for applies. Expectations set on the server still win, as in the mixed
 * dispatcher.
 */
final class ApiServerEmulator extends Dispatcher {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final String[] SERVER_METADATA = {
    "uid", "resourceVersion", "creationTimestamp", "generation"
  };

  private final Map<ServerRequest, Queue<ServerResponse>> expectations;
  private final KubernetesMixedDispatcher crud;

  ApiServerEmulator(Map<ServerRequest, Queue<ServerResponse>> expectations) {
    this.expectations = expectations;
    this.crud = new KubernetesMixedDispatcher(expectations);
  }

  @Override
  public synchronized MockResponse dispatch(RecordedRequest request) {
    Queue<ServerResponse> expected =
        expectations.get(
            new SimpleRequest(HttpMethod.valueOf(request.getMethod()), request.getPath()));
    String contentType = request.getHeader("Content-Type");
    if ((expected == null || expected.isEmpty())
        && "PATCH".equals(request.getMethod())
        && contentType != null
        && contentType.startsWith("application/apply-patch")) {
      URI uri = URI.create(request.getPath());
      boolean dryRun = uri.getRawQuery() != null && uri.getRawQuery().contains("dryRun=All");
      return apply(uri.getRawPath(), request.getUtf8Body(), dryRun);
    }
    return crud.dispatch(request);
  }

  private MockResponse apply(String path, String body, boolean dryRun) {
    ObjectNode applied = (ObjectNode) read(body);
    MockResponse live = crud.dispatch(request(HttpMethod.GET, path, null));
    if (live.code() == 404) {
      if (dryRun) {
        return new MockResponse().setResponseCode(201).setBody(applied.toString());
      }
      return crud.dispatch(
          request(HttpMethod.POST, path.substring(0, path.lastIndexOf('/')), applied.toString()));
    }
    ObjectNode current =
        (ObjectNode) read(new String(live.getBody().getBytes(), StandardCharsets.UTF_8));
    ObjectNode meta = applied.withObjectProperty("metadata");
    for (String field : SERVER_METADATA) {
      if (current.path("metadata").has(field)) {
        meta.set(field, current.path("metadata").get(field));
      }
    }
    if (current.has("status")) {
      applied.set("status", current.get("status"));
    }
    if (dryRun) {
      return new MockResponse().setResponseCode(200).setBody(applied.toString());
    }
    return crud.dispatch(request(HttpMethod.PUT, path, applied.toString()));
  }

  private static RecordedRequest request(HttpMethod method, String path, String json) {
    Headers headers = Headers.builder().add("Content-Type", "application/json").build();
    Buffer body = json == null ? new Buffer() : new Buffer(json.getBytes(StandardCharsets.UTF_8));
    return new RecordedRequest("HTTP/1.1", method, path, headers, body);
  }

  private static JsonNode read(String text) {
    try {
      return YAML.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
