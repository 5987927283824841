package vn.ioc.citizenreports.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.ioc.citizenreports.sla.WorkingCalendar.Day;
import vn.ioc.citizenreports.sla.WorkingCalendar.DayKind;

class WorkingCalendarTest {

  private final WorkingCalendar calendar = WorkingCalendar.load();

  @Test
  void shipsTheYearsTheServiceRunsIn() {
    assertThat(calendar.years()).contains(2025, 2026, 2027);
  }

  @Test
  void tetWeekendsHolidaysAndMakeUpDays() {
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 13))).as("Friday before Tết").isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 17))).as("mùng 1 Tết, a Tuesday").isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 21))).as("Saturday").isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2025, 9, 2))).as("National Day").isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2025, 4, 26))).as("make-up Saturday").isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2025, 5, 2))).as("the Friday it swapped with").isFalse();
  }

  @Test
  void countingStartsTheDayAfter() {
    // assigned on a Sunday: Monday is the first working day
    assertThat(calendar.addWorkingDays(LocalDate.of(2026, 3, 1), 1)).isEqualTo(LocalDate.of(2026, 3, 2));
    assertThat(calendar.addWorkingDays(LocalDate.of(2026, 3, 2), 5)).isEqualTo(LocalDate.of(2026, 3, 9));
  }

  @Test
  void yearWithoutAFileCountsMondayToFriday() {
    WorkingCalendar only2026 = new WorkingCalendar(List.of(new Day(LocalDate.of(2026, 1, 1), DayKind.HOLIDAY, "Tết Dương lịch")));

    assertThat(only2026.isWorkingDay(LocalDate.of(2030, 1, 1))).isTrue();
    assertThat(only2026.isWorkingDay(LocalDate.of(2030, 1, 5))).isFalse();
  }
}
