package vn.ioc.citizenreports.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Deadline arithmetic, free of the engine. A deadline is the end of a day in Vietnam: a unit
 * assigned a report on Monday with five working days answers by Monday next week, 23:59:59 local
 * time, later when holidays fall in between.
 *
 * <p>Why due dates computed here rather than a custom engine business calendar: the timers wait
 * for dates the process keeps in variables (dueAt, reminderAt, reprimandAt), which leaders see
 * and filter in Cockpit, the forms show and the statistics use; the timer and the variable can
 * never disagree, and an extension or reroute moves both by setting the variable.
 */
@Component
public class SlaClock {

  public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);
  private static final DateTimeFormatter VIETNAMESE =
      DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy").withZone(VIETNAM);

  private final WorkingCalendar calendar;

  public SlaClock(WorkingCalendar calendar) {
    this.calendar = calendar;
  }

  /** Deadlines for a unit that gets the report now. */
  public Deadlines start(Instant assignedAt, SlaPolicy policy) {
    LocalDate dueDay = after(assignedAt.atZone(VIETNAM).toLocalDate(), policy.responseDays(), policy);
    return around(endOf(dueDay), policy);
  }

  /** Deadlines after an approved extension to {@code newDueAt}. */
  public Deadlines extend(Instant newDueAt, SlaPolicy policy) {
    return around(newDueAt, policy);
  }

  /** The deadline a unit proposes when it asks for more time: the end of that day. */
  public Instant endOf(LocalDate day) {
    return ZonedDateTime.of(day, END_OF_DAY, VIETNAM).toInstant();
  }

  /**
   * Why a proposed extension cannot be accepted, if it cannot: it must lie in the future and after
   * the current deadline, within the longest extension allowed, and the unit must have extensions
   * left.
   */
  public Optional<String> checkExtension(Instant now, Instant currentDueAt, Instant proposedDueAt, int extensionsSoFar,
      SlaPolicy policy) {
    if (extensionsSoFar >= policy.maxExtensions()) {
      return Optional.of("Đã gia hạn tối đa " + policy.maxExtensions() + " lần");
    }
    if (!proposedDueAt.isAfter(now)) {
      return Optional.of("Ngày đề nghị đã qua");
    }
    if (!proposedDueAt.isAfter(currentDueAt)) {
      return Optional.of("Ngày đề nghị phải sau hạn hiện tại");
    }
    Instant latest = currentDueAt.plus(Duration.ofDays(policy.maxExtensionDays()));
    if (proposedDueAt.isAfter(latest)) {
      return Optional.of("Mỗi lần chỉ được gia hạn tối đa " + policy.maxExtensionDays() + " ngày");
    }
    return Optional.empty();
  }

  /**
   * On time when answered by the original deadline; late with extension when answered by an
   * approved later deadline; late otherwise. An answer exactly at the deadline is on time.
   */
  public SlaOutcome judge(Instant answeredAt, Instant originalDueAt, Instant dueAt, boolean extended) {
    if (!answeredAt.isAfter(originalDueAt)) {
      return SlaOutcome.ON_TIME;
    }
    if (extended && !answeredAt.isAfter(dueAt)) {
      return SlaOutcome.LATE_WITH_EXTENSION;
    }
    return SlaOutcome.LATE;
  }

  /** A moment as people in Huế read it: {@code 23:59 ngày 09/03/2026}. */
  public static String vietnamese(Instant instant) {
    return VIETNAMESE.format(instant);
  }

  /** The worse of two outcomes, for a report answered in more than one round. */
  public static SlaOutcome worse(SlaOutcome a, SlaOutcome b) {
    return a == null ? b : b == null ? a : a.ordinal() >= b.ordinal() ? a : b;
  }

  public Instant ratingDueAt(Instant publishedAt, SlaPolicy policy) {
    return publishedAt.plus(Duration.ofDays(policy.ratingWindowDays()));
  }

  /** The end of the day the reprimand comes, counted from {@code moment}'s day as the policy counts. */
  public Instant reprimandAfter(Instant moment, SlaPolicy policy) {
    return endOf(after(moment.atZone(VIETNAM).toLocalDate(), policy.reprimandDaysAfter(), policy));
  }

  /** The reminder some hours before the deadline; the reprimand some (working) days after it. */
  private Deadlines around(Instant dueAt, SlaPolicy policy) {
    return new Deadlines(dueAt, dueAt.minus(Duration.ofHours(policy.reminderHoursBefore())), reprimandAfter(dueAt, policy));
  }

  private LocalDate after(LocalDate day, int days, SlaPolicy policy) {
    return switch (policy.countedIn()) {
      case WORKING_DAYS -> calendar.addWorkingDays(day, days);
      case CALENDAR_DAYS -> day.plusDays(days);
    };
  }
}
