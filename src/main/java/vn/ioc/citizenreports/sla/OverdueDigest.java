package vn.ioc.citizenreports.sla;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import vn.ioc.citizenreports.notification.Notification;
import vn.ioc.citizenreports.notification.NotificationService;
import vn.ioc.citizenreports.reference.Category;
import vn.ioc.citizenreports.reference.ReferenceData;
import vn.ioc.citizenreports.reference.Ward;
import vn.ioc.citizenreports.routing.Unit;
import vn.ioc.citizenreports.routing.UnitRegistry;

/**
 * The weekly overdue digest, as Đắk Lắk's IOC sends each Monday: every unit with overdue or
 * soon-due reports gets its list, and the leaders a table of all such units, most overdue first.
 */
@Service
public class OverdueDigest {

  /** "Soon": due within this many working days. */
  public static final int DUE_SOON_WORKING_DAYS = 2;

  private final NotificationService notifications;
  private final WorkingCalendar calendar;
  private final SlaClock slaClock;
  private final UnitRegistry units;
  private final ReferenceData reference;

  public OverdueDigest(NotificationService notifications, WorkingCalendar calendar, SlaClock slaClock,
      UnitRegistry units, ReferenceData reference) {
    this.notifications = notifications;
    this.calendar = calendar;
    this.slaClock = slaClock;
    this.units = units;
    this.reference = reference;
  }

  /** Reports due before this moment belong in the digest: up to the end of the second working day. */
  public Instant horizon(Instant now) {
    LocalDate today = now.atZone(SlaClock.VIETNAM).toLocalDate();
    return slaClock.endOf(calendar.addWorkingDays(today, DUE_SOON_WORKING_DAYS)).plusSeconds(1);
  }

  /** Puts one mail per unit with something to report, and the leaders' table, in the outbox. */
  public Summary send(List<OpenAssignment> open, Instant now) {
    String digestId = "DIGEST-" + now.atZone(SlaClock.VIETNAM).toLocalDate();
    Instant horizon = horizon(now);
    Map<String, List<OpenAssignment>> byUnit = new TreeMap<>();
    open.stream().filter(a -> a.dueAt().isBefore(horizon))
        .sorted(Comparator.comparing(OpenAssignment::dueAt))
        .forEach(a -> byUnit.computeIfAbsent(a.unitId(), u -> new ArrayList<>()).add(a));

    List<Row> rows = new ArrayList<>();
    byUnit.forEach((unitId, assignments) -> {
      List<Map<String, Object>> overdue = new ArrayList<>();
      List<Map<String, Object>> dueSoon = new ArrayList<>();
      for (OpenAssignment assignment : assignments) {
        (assignment.dueAt().isBefore(now) ? overdue : dueSoon).add(line(assignment));
      }
      Map<String, Object> facts = new HashMap<>();
      facts.put("unitId", unitId);
      facts.put("weekOf", SlaClock.vietnamese(now).substring("HH:mm ngày ".length()));
      facts.put("overdue", overdue);
      facts.put("dueSoon", dueSoon);
      facts.put("overdueCount", overdue.size());
      facts.put("dueSoonCount", dueSoon.size());
      notifications.send(Notification.UNIT_WEEKLY_DIGEST, digestId, facts);
      rows.add(new Row(unitId, units.find(unitId).map(Unit::name).orElse(unitId), overdue.size(), dueSoon.size()));
    });
    rows.sort(Comparator.comparingInt(Row::overdueCount).reversed().thenComparing(Row::unitName));

    Summary summary = new Summary(rows);
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("weekOf", SlaClock.vietnamese(now).substring("HH:mm ngày ".length()));
    facts.put("rows", rows);
    facts.put("unitCount", rows.size());
    facts.put("totalOverdue", summary.totalOverdue());
    facts.put("totalDueSoon", summary.totalDueSoon());
    notifications.send(Notification.LEADERS_WEEKLY_DIGEST, digestId, facts);
    return summary;
  }

  /** One unit's line in the leaders' table. */
  public record Row(String unitId, String unitName, int overdueCount, int dueSoonCount) {}

  public record Summary(List<Row> rows) {
    public int totalOverdue() {
      return rows.stream().mapToInt(Row::overdueCount).sum();
    }

    public int totalDueSoon() {
      return rows.stream().mapToInt(Row::dueSoonCount).sum();
    }
  }

  private Map<String, Object> line(OpenAssignment assignment) {
    Map<String, Object> line = new HashMap<>();
    line.put("reportId", assignment.reportId());
    line.put("categoryName", reference.category(assignment.category()).map(Category::nameVi).orElse(assignment.category()));
    line.put("wardName", reference.ward(assignment.wardCode()).map(Ward::name).orElse(assignment.wardCode()));
    line.put("dueAtText", SlaClock.vietnamese(assignment.dueAt()));
    return line;
  }
}
