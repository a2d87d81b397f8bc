package dev.pwk.validator;

import dev.pwk.values.Severity;
import dev.pwk.values.ValuesContract;
import dev.pwk.values.chart.ChartValues;
import java.util.Locale;

/**
 * The worker image tag: pinned, and a Prefect 3 image. Only the tags of {@code prefecthq/prefect}
 * (from any registry) are judged as Prefect versions: its integration images such as {@code
 * prefecthq/prefect-gcp} and custom images have tag schemes of their own.
 */
final class ImageRules implements Rule {
  static final String MUTABLE_TAG = "image.mutable-tag";
  static final String NOT_PREFECT_3 = "image.not-prefect-3";

  private static final String PREFECT_IMAGE = "prefecthq/prefect";

  @Override
  public void check(LintContext ctx, Report out) {
    ChartValues.Image image = ctx.chart().worker().image();
    String tagPointer = image.prefectTag().pointer();
    if (!ctx.node(tagPointer).isTextual()) {
      return;
    }
    String tag = ctx.text(tagPointer);
    if (tag.isEmpty() || tag.toLowerCase(Locale.ROOT).equals("latest")) {
      out.add(
          MUTABLE_TAG,
          Severity.WARNING,
          tagPointer,
          ctx.at(tagPointer),
          ctx.display(tagPointer),
          ctx.show(tagPointer, ctx.node(tagPointer)),
          example());
    } else if (isPrefectImage(image.repository().text())
        && !tag.equals("3")
        && !tag.startsWith("3.")
        && !tag.startsWith("3-")) {
      out.add(
          NOT_PREFECT_3,
          Severity.WARNING,
          tagPointer,
          ctx.at(tagPointer),
          ctx.display(tagPointer),
          ctx.show(tagPointer, ctx.node(tagPointer)),
          example());
    }
  }

  /**
   * Whether the repository is Prefect's own image, with or without a registry host in front ({@code
   * docker.io/prefecthq/prefect}, a mirror's {@code registry.example.com/prefecthq/prefect}).
   */
  static boolean isPrefectImage(String repository) {
    String path = repository;
    int slash = path.indexOf('/');
    if (slash > 0) {
      String first = path.substring(0, slash);
      if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
        path = path.substring(slash + 1);
      }
    }
    return path.equals(PREFECT_IMAGE);
  }

  /** The tag the released chart pins by default. */
  private static String example() {
    return ValuesContract.chart().appVersion() + "-python3.11-kubernetes";
  }
}
