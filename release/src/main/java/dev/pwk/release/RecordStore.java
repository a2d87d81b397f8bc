package dev.pwk.release;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Reads and writes release records: one Secret per revision, named {@code
 * pwk.release.v1.<release>.v<revision>}, of type {@value #TYPE}, whose data key {@value #DATA_KEY}
 * holds the gzipped JSON of a {@link ReleaseRecord}. Writes are optimistic: {@link #create} fails
 * with 409 when the revision exists, {@link #replace} when the record changed since it was read.
 */
final class RecordStore {
  static final String TYPE = "pwk.dev/release.v1";
  static final String DATA_KEY = "release";
  static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
  static final String MANAGED_BY = "pwk";
  static final String RELEASE_LABEL = "pwk.dev/release";
  static final String REVISION_LABEL = "pwk.dev/revision";
  static final String STATUS_LABEL = "pwk.dev/status";

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
          .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);

  private final KubernetesClient client;
  private final ReleaseListener listener;

  RecordStore(KubernetesClient client, ReleaseListener listener) {
    this.client = client;
    this.listener = listener;
  }

  /**
   * A record as read from the cluster.
   *
   * @param record the payload
   * @param resourceVersion the Secret's resourceVersion when it was read or written
   */
  record Stored(ReleaseRecord record, String resourceVersion) {
    int revision() {
      return record.revision();
    }

    ReleaseStatus status() {
      return record.releaseStatus();
    }
  }

  static String secretName(String release, int revision) {
    return "pwk.release.v1." + release + ".v" + revision;
  }

  /** The records of a release, oldest revision first. Unreadable records are skipped. */
  List<Stored> list(String release, String namespace) {
    List<Stored> out = new ArrayList<>();
    for (Secret s :
        client
            .secrets()
            .inNamespace(namespace)
            .withLabels(Map.of(MANAGED_BY_LABEL, MANAGED_BY, RELEASE_LABEL, release))
            .list()
            .getItems()) {
      if (!TYPE.equals(s.getType())) {
        continue;
      }
      try {
        ReleaseRecord r = decode(s);
        r.releaseStatus();
        out.add(new Stored(r, s.getMetadata().getResourceVersion()));
      } catch (RuntimeException e) {
        listener.warn(
            "ignoring release record "
                + namespace
                + "/"
                + s.getMetadata().getName()
                + ": it cannot be read ("
                + e.getClass().getSimpleName()
                + ")");
      }
    }
    out.sort(Comparator.comparingInt(Stored::revision));
    return out;
  }

  /** Writes a new record; fails with 409 when its revision already exists. */
  Stored create(ReleaseRecord record) {
    Secret created = client.resource(encode(record, null)).create();
    return new Stored(record, created.getMetadata().getResourceVersion());
  }

  /** Replaces a record if nobody changed it since {@code current}; fails with 409 otherwise. */
  Stored replace(Stored current, ReleaseRecord next) {
    Secret updated = client.resource(encode(next, current.resourceVersion())).update();
    return new Stored(next, updated.getMetadata().getResourceVersion());
  }

  void delete(Stored stored) {
    client
        .secrets()
        .inNamespace(stored.record().namespace())
        .withName(secretName(stored.record().name(), stored.revision()))
        .delete();
  }

  static Secret encode(ReleaseRecord record, String resourceVersion) {
    return new SecretBuilder()
        .withNewMetadata()
        .withName(secretName(record.name(), record.revision()))
        .withNamespace(record.namespace())
        .withResourceVersion(resourceVersion)
        .addToLabels(MANAGED_BY_LABEL, MANAGED_BY)
        .addToLabels(RELEASE_LABEL, record.name())
        .addToLabels(REVISION_LABEL, Integer.toString(record.revision()))
        .addToLabels(STATUS_LABEL, record.status())
        .endMetadata()
        .withType(TYPE)
        .addToData(DATA_KEY, Base64.getEncoder().encodeToString(gzip(record)))
        .build();
  }

  static ReleaseRecord decode(Secret secret) {
    String data = secret.getData() == null ? null : secret.getData().get(DATA_KEY);
    if (data == null) {
      throw new IllegalArgumentException("no " + DATA_KEY + " key");
    }
    try (GZIPInputStream in =
        new GZIPInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(data)))) {
      return JSON.readValue(in, ReleaseRecord.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] gzip(ReleaseRecord record) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      JSON.writeValue(out, record);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
