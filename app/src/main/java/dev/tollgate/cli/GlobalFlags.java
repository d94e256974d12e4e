package dev.tollgate.cli;

import java.nio.file.Path;
import java.time.Duration;

/** The global flags of the command line, checked. {@code config} is null when not given. */
record GlobalFlags(Path config, String profile, Duration timeout, boolean debug) {}
