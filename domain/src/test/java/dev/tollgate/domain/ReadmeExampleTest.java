package dev.tollgate.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's embedding example, taken from the README itself, compiles against this module
 * alone and runs, so the two cannot drift apart.
 */
class ReadmeExampleTest {

  private static final String SECTION = "## Embedding Tollgate in your tests";

  @TempDir
  Path work;

  @Test
  void embeddingExample_compilesAndRunsAsPrinted() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    int section = readme.indexOf(SECTION);
    assertThat(section).as("README section " + SECTION).isNotNegative();
    int start = readme.indexOf("```java\n", section) + "```java\n".length();
    String source = readme.substring(start, readme.indexOf("```", start));
    Path file = Files.writeString(work.resolve("TollgateRulesExample.java"), source);

    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    StringWriter diagnostics = new StringWriter();
    boolean compiled = compiler.getTask(diagnostics, null, null,
        List.of("-d", work.toString(), "-classpath", System.getProperty("java.class.path"),
            "-Xlint:none"),
        null, compiler.getStandardFileManager(null, null, null).getJavaFileObjects(file.toFile()))
        .call();
    assertThat(compiled).as("the README example compiles:\n" + diagnostics).isTrue();

    try (URLClassLoader loader = new URLClassLoader(new URL[] {work.toUri().toURL()},
        getClass().getClassLoader())) {
      Class<?> example = loader.loadClass("TollgateRulesExample");
      Constructor<?> constructor = example.getDeclaredConstructor();
      constructor.setAccessible(true);
      Method run = example.getDeclaredMethod("managementAndDatabaseTokens");
      run.setAccessible(true);
      run.invoke(constructor.newInstance());
    }
  }
}
