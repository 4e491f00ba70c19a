package org.conflictmap.cli;

import java.util.concurrent.Callable;
import org.conflictmap.config.Config;
import org.conflictmap.problem.InputException;
import org.conflictmap.store.Database;
import org.conflictmap.store.TokenStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tokens create NAME --role editor|admin}, {@code tokens list}, {@code tokens revoke}. */
@Command(
    name = "tokens",
    mixinStandardHelpOptions = true,
    description = "Create, list and revoke the bearer tokens writers send.",
    subcommands = {
      TokensCommand.Create.class,
      TokensCommand.ListTokens.class,
      TokensCommand.Revoke.class
    })
final class TokensCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static Database open(Config config) {
    return config
        .jdbcUrl()
        .map(
            url ->
                Database.connect(
                    url, config.jdbcUser().orElse(null), config.jdbcPassword().orElse(null)))
        .orElseGet(() -> Database.embedded(config.dataDir()));
  }

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = "Create a token and print it once; only its SHA-256 is stored.")
  static final class Create implements Callable<Integer> {
    @Parameters(paramLabel = "NAME", description = "Who holds it; recorded in the audit log.")
    String name;

    @Option(
        names = "--role",
        required = true,
        paramLabel = "editor|admin",
        description = "editor: may write; admin: may also read the audit log.")
    String role;

    @Mixin DataOptions data = new DataOptions();

    @Override
    public Integer call() {
      TokenStore.Role r;
      try {
        r = TokenStore.Role.of(role);
      } catch (IllegalArgumentException e) {
        r = null;
      }
      if (r != TokenStore.Role.EDITOR && r != TokenStore.Role.ADMIN) {
        throw new InputException(
            InputException.Kind.MALFORMED, "Bad role", "--role must be editor or admin");
      }
      String cleaned = name == null ? "" : name.strip();
      if (cleaned.isEmpty() || cleaned.length() > 80 || cleaned.matches(".*\\p{Cntrl}.*")) {
        throw new InputException(
            InputException.Kind.MALFORMED, "Bad name", "NAME must be 1-80 printable characters");
      }
      try (Database db = open(data.config())) {
        TokenStore tokens = new TokenStore(db);
        if (tokens.list().stream().anyMatch(t -> t.name().equals(cleaned))) {
          throw new InputException(
              InputException.Kind.UNPROCESSABLE,
              "Name taken",
              "a token named '" + cleaned + "' exists; names stay taken after revoking");
        }
        TokenStore.Created c = tokens.create(cleaned, r);
        System.out.println(
            "created " + r.code() + " token '" + cleaned + "' (id " + c.token().id() + "):");
        System.out.println(c.secret());
      }
      return 0;
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List tokens (never their secrets).")
  static final class ListTokens implements Callable<Integer> {
    @Mixin DataOptions data = new DataOptions();

    @Override
    public Integer call() {
      try (Database db = open(data.config())) {
        System.out.println("id\tname\trole\tcreated\trevoked");
        for (TokenStore.Token t : new TokenStore(db).list()) {
          System.out.println(
              t.id()
                  + "\t"
                  + t.name()
                  + "\t"
                  + t.role().code()
                  + "\t"
                  + t.createdAt()
                  + "\t"
                  + (t.revokedAt() == null ? "-" : t.revokedAt().toString()));
        }
      }
      return 0;
    }
  }

  @Command(
      name = "revoke",
      mixinStandardHelpOptions = true,
      description = "Revoke a token by name or id; it is refused from the next request on.")
  static final class Revoke implements Callable<Integer> {
    @Parameters(paramLabel = "NAME|ID")
    String nameOrId;

    @Mixin DataOptions data = new DataOptions();

    @Override
    public Integer call() {
      try (Database db = open(data.config())) {
        if (!new TokenStore(db).revoke(nameOrId)) {
          throw new InputException(
              InputException.Kind.NOT_FOUND,
              "No such token",
              "no live token is named or numbered '" + nameOrId + "'");
        }
      }
      System.out.println("revoked " + nameOrId);
      return 0;
    }
  }
}
