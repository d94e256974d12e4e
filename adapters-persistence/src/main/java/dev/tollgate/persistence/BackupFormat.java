package dev.tollgate.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * What a backup file is, written once for the server that takes it and the command that restores
 * it: H2's own online backup ({@code BACKUP TO}), a zip holding the database file {@value
 * #DATABASE}, to which the entry {@value #MANIFEST} is added, stating the format, the schema
 * version, and when and for whom it was taken. It holds token hashes, never token strings.
 */
public final class BackupFormat {

  /** The manifest's entry. */
  public static final String MANIFEST = "tollgate-backup.properties";
  /** The H2 file's entry: the store as {@code tollgate serve} keeps it in its data directory. */
  static final String DATABASE = "tollgate.mv.db";
  /** The format this Tollgate writes and reads. */
  static final String FORMAT = "1";

  private BackupFormat() {}

  /** What the manifest states. */
  public record Manifest(String format, String schemaVersion, Instant takenAt, String takenBy) {

    /** One line for people: "schema version 7, taken at … by …". */
    public String describe() {
      return "schema version " + schemaVersion + ", taken at " + takenAt + " by " + takenBy;
    }
  }

  static void writeManifest(OutputStream out, Manifest manifest) throws IOException {
    String text = "# A backup of a Tollgate token store: token hashes, never token strings.\n"
        + "# Restore it with: tollgate restore FILE --data-dir DIR (or --to URL)\n"
        + "format=" + manifest.format() + "\n"
        + "schema-version=" + manifest.schemaVersion() + "\n"
        + "taken-at=" + manifest.takenAt() + "\n"
        + "taken-by=" + manifest.takenBy() + "\n"
        + "database=" + DATABASE + "\n";
    out.write(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Reads a manifest.
   *
   * @throws IllegalArgumentException naming {@code file} when it is not one this Tollgate reads
   */
  static Manifest readManifest(InputStream in, String file) throws IOException {
    Properties properties = new Properties();
    properties.load(new StringReader(new String(in.readNBytes(64 * 1024),
        StandardCharsets.UTF_8)));
    Map<String, String> values = new java.util.HashMap<>();
    for (String key : new String[] {"format", "schema-version", "taken-at", "taken-by"}) {
      String value = properties.getProperty(key);
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException("backup " + file + ": its " + MANIFEST + " states no "
            + key + "; expected a file written by tollgate backup");
      }
      values.put(key, value.strip());
    }
    if (!values.get("format").equals(FORMAT)) {
      throw new IllegalArgumentException("backup " + file + " is in format "
          + values.get("format") + "; this Tollgate reads format " + FORMAT + ": restore it with"
          + " the Tollgate that took it, or a later one");
    }
    try {
      return new Manifest(values.get("format"), values.get("schema-version"),
          Instant.parse(values.get("taken-at")), values.get("taken-by"));
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException("backup " + file + ": taken-at "
          + values.get("taken-at") + " is not an RFC 3339 instant", e);
    }
  }

  /**
   * Deletes a directory a backup is made or unpacked in, with everything in it; nothing when it
   * is absent.
   */
  static void deleteTree(Path directory) throws IOException {
    if (directory == null || !Files.exists(directory)) {
      return;
    }
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
