package com.siali.label.app.console.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a text file whole or not at all: into a {@code .part} file beside it, moved into place
 * once written, so that a failed export leaves no half file where the user looks for it.
 */
public final class WholeFile {
  public interface Content {
    void writeTo(Writer out) throws IOException;
  }

  private WholeFile() {}

  public static Path write(Path file, Content content) throws IOException {
    Path partial = file.resolveSibling(file.getFileName() + ".part");
    try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
      content.writeTo(out);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(partial);
      throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
    }
    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
    return file;
  }
}
