package org.conflictmap.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar conflictmap.jar <command>}: serve, ingest, geoparse. */
@Command(
    name = "conflictmap",
    mixinStandardHelpOptions = true,
    version = "conflictmap 0.1.0",
    description = "News articles in, dated events on a map over zones out.",
    subcommands = {
      ServeCommand.class,
      IngestCommand.class,
      GeoparseCommand.class,
      FeedsCommand.class,
      EventEvalCommand.class,
      GazetteerCommand.class,
      EvalCommand.class,
      ZonesCommand.class,
      ExportCommand.class,
      ImportCommand.class,
      TokensCommand.class,
      GenerateEventsCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs a command line and returns its exit code; the tests call this. */
  public static int run(String... args) {
    return new CommandLine(new Main())
        .setExecutionExceptionHandler(new FriendlyErrors())
        .execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
