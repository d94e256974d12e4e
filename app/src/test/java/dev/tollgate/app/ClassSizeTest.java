package dev.tollgate.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No main source file of any module grows past {@value #MAX_LINES} lines: a class that long does
 * several things, and is split by what each part changes with (issue 17 §4).
 */
class ClassSizeTest {

  private static final int MAX_LINES = 300;

  /** The checkout: the tests run in {@code app}. */
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void everyMainSourceFile_ofEveryModule_isAtMost300Lines() throws IOException {
    List<Path> sources;
    try (Stream<Path> modules = Files.list(ROOT)) {
      sources = modules.map(module -> module.resolve("src/main/java"))
          .filter(Files::isDirectory)
          .flatMap(ClassSizeTest::javaFiles)
          .toList();
    }

    assertThat(sources).as("main sources under " + ROOT).hasSizeGreaterThan(100);
    assertThat(sources).as("main sources of more than " + MAX_LINES + " lines")
        .filteredOn(file -> lines(file) > MAX_LINES)
        .extracting(file -> ROOT.relativize(file) + " (" + lines(file) + " lines)")
        .isEmpty();
  }

  private static Stream<Path> javaFiles(Path directory) {
    try (Stream<Path> files = Files.walk(directory)) {
      return files.filter(file -> file.toString().endsWith(".java")).toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long lines(Path file) {
    try (Stream<String> lines = Files.lines(file)) {
      return lines.count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
