package vn.ioc.citizenreports.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import vn.ioc.citizenreports.sla.SlaPolicy.DayCounting;

class SlaClockTest {

  private static final SlaPolicy ONE_WEEK = new SlaPolicy(7, DayCounting.CALENDAR_DAYS, 24, 3, 7, 2, 14);
  private static final SlaPolicy FIVE_WORKING_DAYS = new SlaPolicy(5, DayCounting.WORKING_DAYS, 24, 3, 7, 2, 14);
  private final SlaClock clock = new SlaClock(WorkingCalendar.load());

  @Test
  void deadlineIsTheEndOfTheLastDayInVietnamWhateverTheHourOfAssignment() {
    // 23:30 in Huế is still Monday there (16:30 UTC)
    Deadlines late = clock.start(vietnam("2026-03-02T23:30"), ONE_WEEK);
    Deadlines early = clock.start(vietnam("2026-03-02T00:10"), ONE_WEEK);

    assertThat(late.dueAt()).isEqualTo(vietnam("2026-03-09T23:59:59"));
    assertThat(early.dueAt()).isEqualTo(late.dueAt());
    assertThat(late.reminderAt()).isEqualTo(vietnam("2026-03-08T23:59:59"));
    assertThat(late.reprimandAt()).isEqualTo(vietnam("2026-03-12T23:59:59"));
  }

  @Test
  void workingDaysSkipTetAndTheWeekends() {
    // Thursday 12 February 2026; Tết holidays Monday 16 to Friday 20 February
    Deadlines deadlines = clock.start(vietnam("2026-02-12T10:00"), FIVE_WORKING_DAYS);

    // Fri 13 (1), Mon 23 (2), Tue 24 (3), Wed 25 (4), Thu 26 (5)
    assertThat(deadlines.dueAt()).isEqualTo(vietnam("2026-02-26T23:59:59"));
    // the reprimand 3 working days later: Fri 27, Mon 2, Tue 3 March
    assertThat(deadlines.reprimandAt()).isEqualTo(vietnam("2026-03-03T23:59:59"));
    assertThat(deadlines.reminderAt()).isEqualTo(vietnam("2026-02-25T23:59:59"));
  }

  @Test
  void calendarDaysIgnoreHolidays() {
    SlaPolicy threeDays = new SlaPolicy(3, DayCounting.CALENDAR_DAYS, 24, 2, 7, 1, 7);

    assertThat(clock.start(vietnam("2026-02-12T10:00"), threeDays).dueAt()).isEqualTo(vietnam("2026-02-15T23:59:59"));
  }

  @Test
  void makeUpSaturdayIsAWorkingDayAndTheSwappedFridayIsNot() {
    // 2025: Saturday 26 April worked, Friday 2 May off; 30 April and 1 May are holidays
    Deadlines deadlines = clock.start(vietnam("2025-04-24T09:00"), FIVE_WORKING_DAYS);

    // Fri 25 (1), Sat 26 (2), Mon 28 (3), Tue 29 (4), Mon 5 May (5)
    assertThat(deadlines.dueAt()).isEqualTo(vietnam("2025-05-05T23:59:59"));
  }

  @Test
  void answerExactlyAtTheDeadlineIsOnTime() {
    Instant due = vietnam("2026-03-09T23:59:59");

    assertThat(clock.judge(due, due, due, false)).isEqualTo(SlaOutcome.ON_TIME);
    assertThat(clock.judge(due.plusSeconds(1), due, due, false)).isEqualTo(SlaOutcome.LATE);
  }

  @Test
  void aReportAnsweredInTwoRoundsKeepsTheWorse() {
    assertThat(SlaClock.worse(SlaOutcome.LATE, SlaOutcome.ON_TIME)).isEqualTo(SlaOutcome.LATE);
    assertThat(SlaClock.worse(SlaOutcome.ON_TIME, SlaOutcome.LATE_WITH_EXTENSION)).isEqualTo(SlaOutcome.LATE_WITH_EXTENSION);
    assertThat(SlaClock.worse(null, SlaOutcome.ON_TIME)).isEqualTo(SlaOutcome.ON_TIME);
  }

  @Test
  void lateAnswerWithinAnApprovedExtensionIsLateWithExtension() {
    Instant original = vietnam("2026-03-09T23:59:59");
    Instant extended = vietnam("2026-03-16T23:59:59");

    assertThat(clock.judge(vietnam("2026-03-12T10:00"), original, extended, true)).isEqualTo(SlaOutcome.LATE_WITH_EXTENSION);
    assertThat(clock.judge(extended, original, extended, true)).isEqualTo(SlaOutcome.LATE_WITH_EXTENSION);
    assertThat(clock.judge(vietnam("2026-03-17T08:00"), original, extended, true)).isEqualTo(SlaOutcome.LATE);
    assertThat(clock.judge(vietnam("2026-03-05T08:00"), original, extended, true)).isEqualTo(SlaOutcome.ON_TIME);
  }

  @Test
  void extensionMustBeLaterWithinTheLimitAndNotOneTooMany() {
    Instant due = vietnam("2026-03-09T23:59:59");
    Instant now = vietnam("2026-03-06T10:00");

    assertThat(clock.checkExtension(now, due, vietnam("2026-03-23T23:59:59"), 0, ONE_WEEK)).isEmpty();
    assertThat(clock.checkExtension(now, due, vietnam("2026-03-24T23:59:59"), 0, ONE_WEEK)).hasValueSatisfying(m -> assertThat(m).contains("14 ngày"));
    assertThat(clock.checkExtension(now, due, due, 0, ONE_WEEK)).hasValueSatisfying(m -> assertThat(m).contains("sau hạn hiện tại"));
    assertThat(clock.checkExtension(now, due, vietnam("2026-03-12T23:59:59"), 2, ONE_WEEK)).hasValueSatisfying(m -> assertThat(m).contains("2 lần"));
    // overdue since the 9th: on the 15th, the 11th is no extension
    assertThat(clock.checkExtension(vietnam("2026-03-15T10:00"), due, vietnam("2026-03-11T23:59:59"), 0, ONE_WEEK))
        .hasValueSatisfying(m -> assertThat(m).contains("đã qua"));
  }

  private static Instant vietnam(String localTime) {
    return LocalDateTime.parse(localTime).atZone(SlaClock.VIETNAM).toInstant();
  }
}
