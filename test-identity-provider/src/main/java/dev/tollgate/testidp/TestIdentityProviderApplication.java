package dev.tollgate.testidp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;

/**
 * A test-only OAuth 2.0 authorization server (Spring Authorization Server) with the device
 * authorization grant, for Tollgate's end-to-end tests. Once it answers requests it writes its
 * issuer {@code http://127.0.0.1:PORT} to the file {@code --tollgate.ready-file} names (whole: a
 * file beside it renamed over it), for programs, and prints {@code TEST-IDP LISTENING} and the
 * issuer, for people.
 */
@SpringBootApplication
public class TestIdentityProviderApplication {

  static final String LISTENING = "TEST-IDP LISTENING ";

  public static void main(String[] args) {
    SpringApplication application = new SpringApplication(TestIdentityProviderApplication.class);
    // ApplicationReadyEvent: the web server is up and the context refreshed
    application.addListeners((ApplicationListener<ApplicationReadyEvent>) event -> {
      String port = event.getApplicationContext().getEnvironment().getProperty("local.server.port");
      System.out.println(LISTENING + "http://127.0.0.1:" + port);
      System.out.flush();
    });
    application.run(args);
  }

  /** {@code --tollgate.ready-file=FILE}: the issuer, once it answers requests. */
  @Bean
  ApplicationListener<ApplicationReadyEvent> readyFile(
      @Value("${tollgate.ready-file:}") String readyFile) {
    return event -> {
      if (readyFile.isEmpty()) {
        return;
      }
      String port = event.getApplicationContext().getEnvironment().getProperty("local.server.port");
      Path file = Path.of(readyFile).toAbsolutePath();
      Path temporary = file.resolveSibling("." + file.getFileName() + ".tmp");
      try {
        Files.writeString(temporary, "http://127.0.0.1:" + port + "\n", StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write --tollgate.ready-file " + file, e);
      }
    };
  }

  /**
   * {@code --tollgate.parent-pid=PID}: exit when that process does, so a provider never outlives
   * a test JVM that was killed before it could close it.
   */
  @Bean
  ApplicationListener<ApplicationReadyEvent> exitWithParent(
      @Value("${tollgate.parent-pid:0}") long parentPid) {
    return event -> {
      if (parentPid > 0) {
        ProcessHandle.of(parentPid).ifPresentOrElse(
            parent -> parent.onExit().thenRun(() -> System.exit(0)), () -> System.exit(0));
      }
    };
  }
}
