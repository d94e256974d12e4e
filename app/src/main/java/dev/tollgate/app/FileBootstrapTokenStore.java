package dev.tollgate.app;

import dev.tollgate.domain.model.ParsedToken;
import dev.tollgate.domain.model.TokenFormat;
import dev.tollgate.domain.model.TokenKind;
import dev.tollgate.domain.model.TokenString;
import dev.tollgate.domain.port.out.BootstrapTokenStore;
import dev.tollgate.files.TokenFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Keeps the bootstrap admin token in {@code <data-dir>/admin-token.json}, mode 0600. */
final class FileBootstrapTokenStore implements BootstrapTokenStore {

  private static final Logger LOG = LoggerFactory.getLogger(FileBootstrapTokenStore.class);
  private static final String NOTE = "Tollgate bootstrap admin token: it may do everything and"
      + " bypasses the identity provider. Keep it secret; use it to create management tokens.";

  private final Path file;
  private final String host;

  /** @param host the name of this machine, so that another replica's log can say where it is */
  FileBootstrapTokenStore(Path file, String host) {
    this.file = file;
    this.host = host;
  }

  /** This machine's name, as a person would look for it: the container's or the host's. */
  static String hostName() {
    String fromEnvironment = System.getenv("HOSTNAME");
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return fromEnvironment.strip();
    }
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "an unnamed host";
    }
  }

  @Override
  public Optional<TokenString> read() {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    if (TokenFile.isOpenToOthers(file)) {
      LOG.warn("{} can be read by other users; run: chmod 600 {}", file, file);
    }
    ParsedToken parsed = TokenFormat.parse(TokenFile.read(file));
    if (parsed instanceof ParsedToken.WellFormed wellFormed
        && wellFormed.token().kind() == TokenKind.MANAGEMENT) {
      return Optional.of(wellFormed.token());
    }
    throw new IllegalStateException(file + " does not hold a Tollgate admin token (M.V1.…);"
        + " move it away and restart to have a new one made");
  }

  @Override
  public void write(TokenString token) {
    TokenFile.write(file, token.value(), NOTE);
  }

  @Override
  public void delete() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String location() {
    return file.toAbsolutePath() + " on " + host;
  }
}
