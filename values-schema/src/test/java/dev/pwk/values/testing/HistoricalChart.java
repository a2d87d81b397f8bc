package dev.pwk.values.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * One released chart archive of values-schema's test resources {@code chart-history/} (a copy of
 * the shared chart history), read from disk so that other modules' tests can use it too: its
 * default values, schema and templates.
 *
 * @param release the chart version
 * @param files the archive's files under {@code prefect-worker/}, by relative path
 */
public record HistoricalChart(String release, Map<String, String> files) {

  /** The distinct releases of the history's index, oldest first. */
  public static List<String> distinctReleases() {
    List<String> names = new ArrayList<>();
    for (String line : resourceText("index.tsv").split("\n")) {
      String[] f = line.split("\t");
      if (f.length == 3 && !f[0].equals("release") && !names.contains(f[2])) {
        names.add(f[2]);
      }
    }
    return names;
  }

  /** Every archive, oldest first. */
  public static List<HistoricalChart> all() {
    return distinctReleases().stream().map(HistoricalChart::of).toList();
  }

  public static HistoricalChart of(String release) {
    return new HistoricalChart(release, untar(resourceBytes(archiveName(release))));
  }

  /** The archive of a release, for tools that read charts themselves (helm). */
  public static Path archive(String release) {
    return dir().resolve(archiveName(release));
  }

  private static String archiveName(String release) {
    return "prefect-worker-" + release + ".tgz";
  }

  /** values-schema/src/test/resources/chart-history, found from any module's directory. */
  public static Path dir() {
    Path rel = Path.of("values-schema", "src", "test", "resources", "chart-history");
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve(rel))) {
        return p.resolve(rel);
      }
    }
    throw new IllegalStateException("no " + rel + " above " + Path.of("").toAbsolutePath());
  }

  public String valuesYaml() {
    return files.get("values.yaml");
  }

  /** The schema, or null before the chart had one (2023.10). */
  public String schemaJson() {
    return files.get("values.schema.json");
  }

  /** Every template and helper of the chart itself (not its subcharts), concatenated. */
  public String templates() {
    StringBuilder b = new StringBuilder();
    files.forEach(
        (name, text) -> {
          if (name.startsWith("templates/")) {
            b.append(text).append('\n');
          }
        });
    return b.toString();
  }

  public static String resourceText(String name) {
    return new String(resourceBytes(name), StandardCharsets.UTF_8);
  }

  private static byte[] resourceBytes(String name) {
    try {
      return Files.readAllBytes(dir().resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The regular files of a gzipped ustar archive (what helm package writes). */
  private static Map<String, String> untar(byte[] tgz) {
    byte[] tar;
    try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(tgz))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      in.transferTo(out);
      tar = out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> files = new LinkedHashMap<>();
    int at = 0;
    while (at + 512 <= tar.length && tar[at] != 0) {
      String name = field(tar, at, 100);
      String prefix = field(tar, at + 345, 155);
      long size = Long.parseLong(field(tar, at + 124, 12).trim(), 8);
      byte type = tar[at + 156];
      String path = prefix.isEmpty() ? name : prefix + "/" + name;
      if ((type == '0' || type == 0) && path.startsWith("prefect-worker/")) {
        files.put(
            path.substring("prefect-worker/".length()),
            new String(tar, at + 512, (int) size, StandardCharsets.UTF_8));
      }
      at += 512 + (int) ((size + 511) / 512 * 512);
    }
    return files;
  }

  private static String field(byte[] tar, int offset, int length) {
    int end = offset;
    while (end < offset + length && tar[end] != 0) {
      end++;
    }
    return new String(tar, offset, end - offset, StandardCharsets.US_ASCII);
  }
}
