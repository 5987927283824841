package vn.ioc.citizenreports.report;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Reports of the same category within 100 m in the last 30 days: likely the same problem, shown
 * to the operator who verifies, so a duplicate is one click away.
 */
@Component
public class DuplicateFinder {

  static final double RADIUS_METRES = 100;
  static final Duration WINDOW = Duration.ofDays(30);
  private static final double EARTH_RADIUS_METRES = 6_371_000;

  private final ReportRepository reports;

  public DuplicateFinder(ReportRepository reports) {
    this.reports = reports;
  }

  /** A report near another, and how near. */
  public record Nearby(String reportId, Instant submittedAt, long metres) {}

  public List<Nearby> near(Report report) {
    if (report.latitude() == null || report.longitude() == null) {
      return List.of();
    }
    // a box a little larger than the circle, in degrees (a degree of longitude shrinks with the latitude)
    double latitudeDelta = Math.toDegrees(RADIUS_METRES / EARTH_RADIUS_METRES) * 1.01;
    double longitudeDelta = latitudeDelta / Math.cos(Math.toRadians(report.latitude()));
    return reports.withLocation(report.category(), report.submittedAt().minus(WINDOW),
            report.latitude() - latitudeDelta, report.latitude() + latitudeDelta,
            report.longitude() - longitudeDelta, report.longitude() + longitudeDelta).stream()
        .filter(other -> !other.id().equals(report.id()))
        .map(other -> new Nearby(other.id(), other.submittedAt(),
            Math.round(metres(report.latitude(), report.longitude(), other.latitude(), other.longitude()))))
        .filter(nearby -> nearby.metres() <= RADIUS_METRES)
        .sorted(Comparator.comparingLong(Nearby::metres))
        .toList();
  }

  /** Great-circle distance (haversine). */
  static double metres(double lat1, double lon1, double lat2, double lon2) {
    double dLat = Math.toRadians(lat2 - lat1);
    double dLon = Math.toRadians(lon2 - lon1);
    double a = Math.pow(Math.sin(dLat / 2), 2)
        + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
    return 2 * EARTH_RADIUS_METRES * Math.asin(Math.sqrt(a));
  }
}
