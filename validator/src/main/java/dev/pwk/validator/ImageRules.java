package dev.pwk.validator;

import dev.pwk.values.ValuesContract;
import java.util.Locale;

/** The worker image tag: pinned, and a Prefect 3 image. */
final class ImageRules implements Rule {
  static final String MUTABLE_TAG = "image.mutable-tag";
  static final String NOT_PREFECT_3 = "image.not-prefect-3";

  private static final String TAG = "/worker/image/prefectTag";

  @Override
  public void check(LintContext ctx, Report out) {
    if (!ctx.node(TAG).isTextual()) {
      return;
    }
    String tag = ctx.text(TAG);
    if (tag.isEmpty() || tag.toLowerCase(Locale.ROOT).equals("latest")) {
      out.add(
          MUTABLE_TAG,
          Severity.WARNING,
          TAG,
          ctx.at(TAG),
          ctx.display(TAG),
          ctx.show(TAG, ctx.node(TAG)),
          example());
    } else if (!tag.equals("3") && !tag.startsWith("3.") && !tag.startsWith("3-")) {
      out.add(
          NOT_PREFECT_3,
          Severity.WARNING,
          TAG,
          ctx.at(TAG),
          ctx.display(TAG),
          ctx.show(TAG, ctx.node(TAG)),
          example());
    }
  }

  /** The tag the released chart pins by default. */
  private static String example() {
    return ValuesContract.chart().appVersion() + "-python3.11-kubernetes";
  }
}
