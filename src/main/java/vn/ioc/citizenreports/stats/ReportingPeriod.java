package vn.ioc.citizenreports.stats;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import vn.ioc.citizenreports.sla.SlaClock;

/**
 * The days leaders ask figures for, from the first to the last, both included, in Vietnam's
 * calendar; as instants, [from, to).
 */
public record ReportingPeriod(Instant from, Instant to) {

  private static final int MAX_YEARS = 5;
  private static final int FIRST_YEAR = 2000;
  private static final int LAST_YEAR = 2100;

  /** Parses {@code YYYY-MM-DD} days; the message of a refusal names the parameter. */
  public static ReportingPeriod of(String from, String to) {
    LocalDate first = date("from", from);
    LocalDate last = date("to", to);
    if (last.isBefore(first)) {
      throw new IllegalArgumentException("to: must not be before from");
    }
    if (first.plusYears(MAX_YEARS).isBefore(last)) {
      throw new IllegalArgumentException("to: a period of at most " + MAX_YEARS + " years");
    }
    return new ReportingPeriod(first.atStartOfDay(SlaClock.VIETNAM).toInstant(),
        last.plusDays(1).atStartOfDay(SlaClock.VIETNAM).toInstant());
  }

  private static LocalDate date(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + ": a date (YYYY-MM-DD) is required");
    }
    LocalDate date;
    try {
      date = LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(name + ": not a date (YYYY-MM-DD): '" + value + "'");
    }
    if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
      throw new IllegalArgumentException(name + ": a date from " + FIRST_YEAR + " to " + LAST_YEAR);
    }
    return date;
  }
}
