package dev.pwk.release;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One mock cluster with the API key Secret in place, a test clock, and managers that share them.
 * Sleeping advances the clock and runs the sleep hook, which plays the controllers' part. Lease
 * renewals run only when a test calls {@link #renewLeases}.
 */
final class Harness implements AutoCloseable {
  static final String OWNER = "test-host/1/1";
  static final String API_KEY = "pnu_live-api-key-value";

  final MockCluster cluster = new MockCluster();
  final KubernetesClient client = cluster.client();
  final TestClock clock = new TestClock();
  private final List<Runnable> renewals = new ArrayList<>();
  final Recorder out = new Recorder();
  private Consumer<Duration> onSleep = d -> {};
  private int taken;

  Harness() {
    client
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("prefect-api-key")
                .withNamespace(Fixtures.NAMESPACE)
                .endMetadata()
                .addToStringData("key", API_KEY)
                .build())
        .create();
  }

  ReleaseManager manager() {
    return manager(OWNER, out);
  }

  ReleaseManager manager(String owner, ReleaseListener listener) {
    return new ReleaseManager(
        client,
        listener,
        Fixtures.TOOL_VERSION,
        clock,
        d -> {
          clock.advance(d);
          onSleep.accept(d);
        },
        new LockOwner(owner),
        (period, task) -> {
          renewals.add(task);
          return () -> renewals.remove(task);
        });
  }

  /** Runs every lease renewal still scheduled, as its timer would. */
  void renewLeases() {
    List.copyOf(renewals).forEach(Runnable::run);
  }

  /** True while some operation renews a lease. */
  boolean renewing() {
    return !renewals.isEmpty();
  }

  /** The requests the server received since the last call, oldest first. */
  List<RecordedRequest> requests() {
    List<RecordedRequest> out = new ArrayList<>();
    try {
      while (taken < cluster.server().getRequestCount()) {
        out.add(cluster.server().takeRequest(1, TimeUnit.SECONDS));
        taken++;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return out;
  }

  void onSleep(Consumer<Duration> hook) {
    onSleep = hook;
  }

  Secret recordSecret(int revision) {
    return client
        .secrets()
        .inNamespace(Fixtures.NAMESPACE)
        .withName(RecordStore.secretName(Fixtures.RELEASE, revision))
        .get();
  }

  ReleaseRecord record(int revision) {
    return RecordStore.decode(recordSecret(revision));
  }

  Deployment deployment() {
    return client
        .apps()
        .deployments()
        .inNamespace(Fixtures.NAMESPACE)
        .withName(Fixtures.FULLNAME)
        .get();
  }

  boolean hasHpa() {
    return client
            .autoscaling()
            .v2beta2()
            .horizontalPodAutoscalers()
            .inNamespace(Fixtures.NAMESPACE)
            .withName(Fixtures.FULLNAME)
            .get()
        != null;
  }

  <T extends HasMetadata> T live(T object) {
    return client.resource(object).get();
  }

  @Override
  public void close() {
    cluster.close();
  }
}
