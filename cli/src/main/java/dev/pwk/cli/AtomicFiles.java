package dev.pwk.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/** Writes files so that a reader never sees half of one: a temporary file, then a rename. */
final class AtomicFiles {
  private AtomicFiles() {}

  static void write(Path target, String content) throws IOException {
    write(target, content, null);
  }

  /**
   * Replaces an existing file's content, keeping its POSIX permissions where there are any; a
   * symbolic link stays a link and its target is replaced.
   */
  static void replace(Path file, String content) throws IOException {
    Path target = file.toRealPath();
    Set<PosixFilePermission> mode = null;
    if (Files.getFileStore(target).supportsFileAttributeView(PosixFileAttributeView.class)) {
      mode = Files.getPosixFilePermissions(target);
    }
    write(target, content, mode);
  }

  private static void write(Path target, String content, Set<PosixFilePermission> mode)
      throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
    try {
      Files.writeString(tmp, content, StandardCharsets.UTF_8);
      if (mode != null) {
        Files.setPosixFilePermissions(tmp, mode);
      }
      try {
        Files.move(
            tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
