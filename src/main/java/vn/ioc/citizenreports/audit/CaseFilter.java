package vn.ioc.citizenreports.audit;

import java.util.Locale;
import vn.ioc.citizenreports.stats.ReportingPeriod;

/**
 * Which cases a leader lists: overdue or extended, received in a period, optionally of one unit,
 * category or ward, at one escalation level, with one SLA outcome, running or ended.
 *
 * @param escalationLevel 0 none, 1 urged, 2 reprimanded; null for any
 */
public record CaseFilter(Kind kind, ReportingPeriod period, String unitId, String category, String wardCode,
    Integer escalationLevel, Outcome outcome, State state) {

  /** Overdue: the unit missed a deadline (now or when it answered), or was urged for it. */
  public enum Kind { OVERDUE, EXTENDED }

  /** The SLA outcome of an answered report, or where an unanswered one stands now. */
  public enum Outcome { ON_TIME, LATE_WITH_EXTENSION, LATE, IN_PROGRESS_ON_TIME, IN_PROGRESS_OVERDUE }

  /** Running: the report's process still runs (a published answer may still await its rating). */
  public enum State { RUNNING, ENDED }

  /** The filter from query parameters; a refusal's message names the parameter. */
  public static CaseFilter of(String kind, String from, String to, String unitId, String category, String wardCode,
      String escalationLevel, String outcome, String state) {
    return new CaseFilter(
        required("kind", kind, Kind.class),
        ReportingPeriod.of(from, to),
        blankToNull(unitId), blankToNull(category), blankToNull(wardCode),
        level(escalationLevel),
        optional("outcome", outcome, Outcome.class),
        optional("state", state, State.class));
  }

  private static Integer level(String value) {
    if (blankToNull(value) == null) {
      return null;
    }
    return switch (value.strip()) {
      case "0" -> 0;
      case "1" -> 1;
      case "2" -> 2;
      default -> throw new IllegalArgumentException("escalationLevel: 0, 1 or 2, not '" + value + "'");
    };
  }

  private static <E extends Enum<E>> E required(String name, String value, Class<E> type) {
    E parsed = optional(name, value, type);
    if (parsed == null) {
      throw new IllegalArgumentException(name + ": one of " + names(type) + " is required");
    }
    return parsed;
  }

  private static <E extends Enum<E>> E optional(String name, String value, Class<E> type) {
    if (blankToNull(value) == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + ": one of " + names(type) + ", not '" + value + "'");
    }
  }

  private static String names(Class<? extends Enum<?>> type) {
    StringBuilder names = new StringBuilder();
    for (Enum<?> constant : type.getEnumConstants()) {
      names.append(names.isEmpty() ? "" : ", ").append(constant.name());
    }
    return names.toString();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
