package org.conflictmap.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.conflictmap.ingest.Ingester;
import org.conflictmap.problem.InputException;

/**
 * Finds the article files under a folder and reads them as text. Hidden files and folders (".git",
 * ".DS_Store", editor backups) and files that are not {@code .txt} are skipped with a reason; a
 * file that cannot be read, is binary, is not UTF-8 or is too large fails on its own without
 * stopping the others.
 */
final class ArticleFiles {
  /** UTF-8 takes at most four bytes a character; anything larger cannot be an acceptable body. */
  static final long MAX_FILE_BYTES = 4L * Ingester.MAX_BODY_CHARS;

  /** A file not ingested, and why. */
  record Skipped(Path path, String reason) {
    @Override
    public String toString() {
      return path + ": " + reason;
    }
  }

  /** The files to ingest, in path order, and what was passed over or could not be listed. */
  record Listing(List<Path> files, List<Skipped> skipped, List<Skipped> unreadable) {}

  private ArticleFiles() {}

  /** The file itself, or every .txt file under the folder, following links but not loops. */
  static Listing list(Path source) throws IOException {
    if (Files.isRegularFile(source)) {
      return new Listing(List.of(source), List.of(), List.of());
    }
    if (!Files.isDirectory(source)) {
      throw new InputException(
          InputException.Kind.NOT_FOUND, "No such file", source + " does not exist");
    }
    List<Path> files = new ArrayList<>();
    List<Skipped> skipped = new ArrayList<>();
    List<Skipped> unreadable = new ArrayList<>();
    Files.walkFileTree(
        source,
        EnumSet.of(FileVisitOption.FOLLOW_LINKS),
        Integer.MAX_VALUE,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            if (!dir.equals(source) && hidden(dir)) {
              skipped.add(new Skipped(dir, "hidden folder"));
              return FileVisitResult.SKIP_SUBTREE;
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (hidden(file)) {
              skipped.add(new Skipped(file, "hidden file"));
            } else if (!attrs.isRegularFile()) {
              skipped.add(new Skipped(file, "not a regular file"));
            } else if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".txt")) {
              skipped.add(new Skipped(file, "not a .txt file"));
            } else {
              files.add(file);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            if (e instanceof FileSystemLoopException) {
              skipped.add(new Skipped(file, "a link back to a folder above it"));
            } else {
              unreadable.add(
                  new Skipped(file, "cannot be read (" + e.getClass().getSimpleName() + ")"));
            }
            return FileVisitResult.CONTINUE;
          }
        });
    files.sort(null);
    return new Listing(files, skipped, unreadable);
  }

  /** The file's text, or an {@link InputException} naming what is wrong with it. */
  static String read(Path file) throws IOException {
    long size = Files.size(file);
    if (size > MAX_FILE_BYTES) {
      throw new InputException(
          InputException.Kind.TOO_LARGE,
          "File too large",
          size + " bytes; an article file may have at most " + MAX_FILE_BYTES);
    }
    return text(Files.readAllBytes(file));
  }

  /**
   * Bytes of a text file or of standard input as text, or an {@link InputException} naming what is
   * wrong with them: too large, binary, or not UTF-8. A byte order mark is dropped.
   */
  static String text(byte[] bytes) {
    if (bytes.length > MAX_FILE_BYTES) {
      throw new InputException(
          InputException.Kind.TOO_LARGE,
          "Text too large",
          "more than " + MAX_FILE_BYTES + " bytes; split it into articles");
    }
    for (byte b : bytes) {
      if (b == 0) {
        throw new InputException(
            InputException.Kind.UNPROCESSABLE,
            "Binary file",
            "it contains NUL bytes, so it is not a text article");
      }
    }
    int start = startsWithBom(bytes) ? 3 : 0;
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
          .toString();
    } catch (CharacterCodingException e) {
      throw new InputException(
          InputException.Kind.UNPROCESSABLE, "Not UTF-8", "not UTF-8 text; save it as UTF-8");
    }
  }

  private static boolean startsWithBom(byte[] b) {
    return b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF;
  }

  private static boolean hidden(Path p) {
    Path name = p.getFileName();
    return name != null && name.toString().startsWith(".");
  }
}
