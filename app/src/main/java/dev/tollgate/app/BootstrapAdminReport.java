package dev.tollgate.app;

import dev.tollgate.domain.model.BootstrapAdmin;
import dev.tollgate.domain.port.in.ProvisionBootstrapAdminUseCase.Result;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the operator, at start, what became of the bootstrap admin token and what to do about
 * it: where the token that works is kept, and which file holds one that never will.
 */
final class BootstrapAdminReport {

  private static final Logger LOG = LoggerFactory.getLogger(BootstrapAdminReport.class);

  private BootstrapAdminReport() {}

  static void log(Path file, boolean oauthConfigured, Result result) {
    Path here = file.toAbsolutePath();
    BootstrapAdmin registration = result.registration();
    switch (result.outcome()) {
      case CREATED -> LOG.info("bootstrap admin token written to {} (mode 0600); use it to create"
          + " management tokens", here);
      case REGISTERED, REUSED -> LOG.info("bootstrap admin token in {}", here);
      case KEPT_ELSEWHERE -> LOG.info("the bootstrap admin token is kept by the replica that"
          + " registered it: {}; this replica keeps none in {} (copy that file here to use it"
          + " from this machine)", registration.keptAt().orElse("another replica"), here);
      case RETIRED -> LOG.warn("{} holds a bootstrap admin token that was retired at {}"
          + " (rotated away or disabled): it is refused on every replica and is never registered"
          + " again; delete {}. {}", here, result.retiredAt().orElseThrow(), here,
          current(registration));
      case MISMATCH -> LOG.warn("{} holds a token that was never the registered bootstrap admin"
          + " token (another replica registered its own first): it is refused; delete {}. {}",
          here, here, current(registration));
      case NONE -> LOG.info("no bootstrap admin token: an OAuth identity provider is configured");
      case STILL_DISABLED -> {
        String message = "the bootstrap admin token was disabled at {}; start one replica with"
            + " --rotate-bootstrap-admin to make a new one";
        Object at = registration.changedAt().map(Object::toString).orElse("an earlier start");
        if (oauthConfigured) {
          LOG.info(message, at);
        } else {
          LOG.warn(message + " (without an identity provider, no one can create management"
              + " tokens until then)", at);
        }
      }
      case ROTATED -> LOG.warn("bootstrap admin token rotated: the new one is in {} (mode 0600);"
          + " the old one is refused by this replica now and by every other as soon as it reads"
          + " the change; copies of the old file elsewhere are refused for good", here);
      case DISABLED -> LOG.warn("bootstrap admin token disabled: it is refused on every replica"
          + " and stays disabled; {} is removed; --rotate-bootstrap-admin makes a new one", here);
    }
  }

  private static String current(BootstrapAdmin registration) {
    if (registration.hash().isPresent()) {
      return "The bootstrap admin token in force is kept in "
          + registration.keptAt().orElse("another replica's data directory") + ".";
    }
    return registration.isDisabled() ? "The bootstrap admin is disabled; --rotate-bootstrap-admin"
        + " makes a new one." : "No bootstrap admin token is registered.";
  }
}
