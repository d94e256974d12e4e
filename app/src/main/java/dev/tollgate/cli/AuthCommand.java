package dev.tollgate.cli;

import dev.tollgate.proto.management.v1.WhoAmIRequest;
import dev.tollgate.proto.management.v1.WhoAmIResponse;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code tollgate auth}: the credential the command line presents. */
@Command(name = "auth", usageHelpAutoWidth = true,
    description = "Sign in with the cluster's identity provider, or inspect the credential the"
        + " command line presents.")
public final class AuthCommand {

  /** The subcommands, made only when the command line asks for them ({@link CommandTree}). */
  static final List<Class<?>> SUBCOMMANDS = List.of(Login.class, Logout.class, WhoAmI.class);

  /** {@code tollgate auth login}. */
  @Command(name = "login", usageHelpAutoWidth = true, sortOptions = false,
      description = {"Sign in with the profile's identity provider ([profile.auth.oauth2]) through"
          + " the device flow: open the printed URL in a browser, enter the code and approve.",
          "Replaces the profile's cached sign-in. Other commands sign in by themselves when"
          + " needed; this one signs in anew on demand. Waits until the provider's code expires,"
          + " or for --timeout if given."})
  static final class Login extends ClientCommand {

    @Override
    public Integer call() throws InterruptedException {
      ClientProfile profile = profile();
      OAuthSignIn signIn = OAuthSignIn.of(profile, flags(), System.getenv(), err());
      if (profile.credential().isPresent()) {
        err().println("warn	this profile presents " + profile.credentialSource() + ", which"
            + " goes before a sign-in; remove it to use the sign-in");
      }
      signIn.login(flags().signInLimit());
      return 0;
    }
  }

  /** {@code tollgate auth logout}. */
  @Command(name = "logout", usageHelpAutoWidth = true,
      description = "Remove the profile's cached sign-in (access and refresh token).")
  static final class Logout extends ClientCommand {

    @Override
    public Integer call() {
      ClientProfile profile = profile();
      OAuthSignIn signIn = OAuthSignIn.of(profile, flags(), System.getenv(), err());
      err().println(signIn.logout()
          ? "Signed out: removed the cached sign-in " + signIn.file()
          : "No cached sign-in for profile \"" + profile.name() + "\" (" + signIn.file() + ")");
      err().flush();
      return 0;
    }
  }

  /** {@code tollgate auth whoami}. */
  @Command(name = "whoami", usageHelpAutoWidth = true, sortOptions = false,
      description = "Ask the server who the presented credential is and when it expires.")
  static final class WhoAmI extends ClientCommand {

    @Mixin
    FormatOption format;

    @Override
    public Integer call() {
      WhoAmIResponse me;
      try (Connection connection = connect()) {
        try {
          me = connection.managementTokens().whoAmI(WhoAmIRequest.getDefaultInstance());
        } catch (StatusRuntimeException e) {
          throw CallFailures.describe(e, connection, Map.of());
        }
      }
      out().println(format.json() ? Json.write(ProtoJson.of(me)) : table(me));
      out().flush();
      return 0;
    }

    static String table(WhoAmIResponse me) {
      List<List<String>> rows = new ArrayList<>();
      rows.add(List.of("kind", me.getKind()));
      rows.add(List.of("subject", me.getSubject()));
      if (me.getKind().equals("user")) {
        rows.add(List.of("groups", me.getGroupsCount() == 0
            ? "none (not in this cluster's user list)" : String.join(", ", me.getGroupsList())));
      }
      rows.add(List.of("expires at", me.hasExpiresAt() ? Tables.time(true, me.getExpiresAt())
          : "never"));
      return Tables.keyValue(rows);
    }
  }
}
