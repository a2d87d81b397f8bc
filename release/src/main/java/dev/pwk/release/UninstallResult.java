package dev.pwk.release;

import java.util.List;

/**
 * What an uninstall did.
 *
 * @param deleted the objects deleted
 * @param kept objects listed in the release that were left alone because another owner has them
 * @param historyKept whether the records were kept (marked uninstalled) rather than deleted
 */
public record UninstallResult(List<ObjectRef> deleted, List<ObjectRef> kept, boolean historyKept) {

  public UninstallResult {
    deleted = List.copyOf(deleted);
    kept = List.copyOf(kept);
  }
}
