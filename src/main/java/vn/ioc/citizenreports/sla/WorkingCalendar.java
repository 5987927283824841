package vn.ioc.citizenreports.sla;

import java.util.ArrayList;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import vn.ioc.citizenreports.reference.CsvTables;

/**
 * Working days in Vietnam: Monday to Friday, minus public holidays, plus the official make-up
 * working days, from one file per year ({@code calendar/vn-YYYY.csv}), which an administrator adds
 * each year when the government announces its holidays. A year without a file counts Monday to
 * Friday only, and says so in the log.
 */
public class WorkingCalendar {

  private static final Logger LOG = LoggerFactory.getLogger(WorkingCalendar.class);

  public enum DayKind { HOLIDAY, WORKDAY }

  /** One line of a calendar file. */
  public record Day(LocalDate date, DayKind kind, String name) {}

  private final Map<LocalDate, Day> exceptions;
  private final Set<Integer> years;
  private final Set<Integer> warnedYears = ConcurrentHashMap.newKeySet();

  public WorkingCalendar(Iterable<Day> days) {
    this.exceptions = new HashMap<>();
    this.years = new TreeSet<>();
    for (Day day : days) {
      exceptions.put(day.date(), day);
      years.add(day.date().getYear());
    }
  }

  /** The calendar files on the classpath. */
  public static WorkingCalendar load() {
    try {
      var days = new ArrayList<Day>();
      for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:calendar/vn-*.csv")) {
        days.addAll(CsvTables.read("calendar/" + file.getFilename(), Day.class));
      }
      return new WorkingCalendar(days);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the calendar files", e);
    }
  }

  public Set<Integer> years() {
    return years;
  }

  public boolean isWorkingDay(LocalDate date) {
    Day exception = exceptions.get(date);
    if (exception != null) {
      return exception.kind() == DayKind.WORKDAY;
    }
    if (!years.contains(date.getYear()) && warnedYears.add(date.getYear())) {
      LOG.warn("No holiday calendar for {}: counting Monday to Friday only. Add calendar/vn-{}.csv", date.getYear(), date.getYear());
    }
    return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
  }

  /** The {@code days}-th working day after {@code from} (which itself does not count). */
  public LocalDate addWorkingDays(LocalDate from, int days) {
    LocalDate date = from;
    int counted = 0;
    while (counted < days) {
      date = date.plusDays(1);
      if (isWorkingDay(date)) {
        counted++;
      }
    }
    return date;
  }
}
