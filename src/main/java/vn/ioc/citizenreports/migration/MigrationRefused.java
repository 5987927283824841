package vn.ioc.citizenreports.migration;

import java.util.List;

/** The migration cannot be done as asked; nothing was changed. Each problem names the activity. */
public class MigrationRefused extends RuntimeException {

  private final boolean unknownVersion;
  private final List<String> problems;

  MigrationRefused(String message, boolean unknownVersion, List<String> problems) {
    super(message);
    this.unknownVersion = unknownVersion;
    this.problems = List.copyOf(problems);
  }

  /** A version that is not deployed (404), rather than a plan that cannot move the instances (409). */
  public boolean unknownVersion() {
    return unknownVersion;
  }

  public List<String> problems() {
    return problems;
  }
}
