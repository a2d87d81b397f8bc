package dev.pwk.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes files so that a reader never sees half of one: a temporary file beside the target, then a
 * rename. A new file gets the mode the umask leaves, as a shell redirection would; a replaced file
 * keeps its mode. A file that cannot be written is a user error (exit 2) that names it.
 */
final class AtomicFiles {
  private AtomicFiles() {}

  /** Replaces a file's content; a symbolic link stays a link and its target is replaced. */
  static void replace(Path file, String content) {
    Path target;
    try {
      target = file.toRealPath();
    } catch (IOException e) {
      throw new UserException("cannot write " + file + ": " + reason(e), ExitCodes.USAGE);
    }
    write(target, content);
  }

  static void write(Path target, String content) {
    if (Files.isDirectory(target)) {
      throw new UserException("cannot write " + target + ": it is a directory", ExitCodes.USAGE);
    }
    try {
      Path dir = target.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path tmp = newTempFile(dir, target.getFileName().toString());
      try {
        try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.WRITE)) {
          out.write(content.getBytes(StandardCharsets.UTF_8));
        }
        if (Files.exists(target) && posix(dir)) {
          Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(target));
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
    } catch (IOException e) {
      throw new UserException("cannot write " + target + ": " + reason(e), ExitCodes.USAGE);
    }
  }

  /**
   * A new empty file in {@code dir}. Not {@link Files#createTempFile}, which makes it 0600 whatever
   * the umask: a file created without permission attributes gets 0666 less the umask.
   */
  private static Path newTempFile(Path dir, String name) throws IOException {
    while (true) {
      String suffix = Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
      Path tmp = dir.resolve("." + name + "." + suffix + ".tmp");
      try {
        return Files.createFile(tmp);
      } catch (FileAlreadyExistsException e) {
        // Another writer's temporary file: pick another name.
      }
    }
  }

  private static boolean posix(Path dir) {
    return dir.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  /** Why a write failed, in a few words (not the temporary file's name, which means nothing). */
  private static String reason(IOException e) {
    if (e instanceof FileAlreadyExistsException f) {
      return f.getFile() + " is not a directory";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    return String.valueOf(e.getMessage());
  }
}
