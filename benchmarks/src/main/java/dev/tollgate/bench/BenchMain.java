package dev.tollgate.bench;

/**
 * How a benchmark's {@code main} runs: {@code --help} or a refused option prints the usage (exit
 * 2 for a refusal), every process the run starts is stopped however it ends, and the exit status
 * says whether every target was met (0), one was not (1) or the run failed (3).
 */
public final class BenchMain {

  /** Reads the command line; throws IllegalArgumentException naming what it refuses. */
  public interface Parse<O> {
    O parse(String[] args);
  }

  /** The run: true when every target was met. */
  public interface Body<O> {
    boolean run(O options, Cleanup cleanup) throws Exception;
  }

  private BenchMain() {}

  public static <O> void run(String name, String usage, String[] args, Parse<O> parse, Body<O> body) {
    if (java.util.List.of(args).contains("--help") || java.util.List.of(args).contains("-h")) {
      System.out.println(usage);
      return;
    }
    O options;
    try {
      options = parse.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(usage);
      System.exit(2);
      return;
    }
    Cleanup cleanup = new Cleanup().onShutdown();
    int status;
    try {
      status = body.run(options, cleanup) ? 0 : 1;
    } catch (Exception e) {
      status = 3;
      if (!cleanup.closing()) {
        // when the user interrupted the run, the shutdown hook has said so already
        System.err.println(name + " failed: "
            + (e.getMessage() == null ? e.toString() : e.getMessage()));
      }
    } finally {
      cleanup.close();
    }
    System.exit(status);
  }
}
