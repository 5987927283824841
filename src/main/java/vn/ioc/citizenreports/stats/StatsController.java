package vn.ioc.citizenreports.stats;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import vn.ioc.citizenreports.handling.ReportProcess;
import vn.ioc.citizenreports.routing.UnitRegistry;
import vn.ioc.citizenreports.sla.SlaClock;
import vn.ioc.citizenreports.system.StaffCredentials;

/**
 * The scorecard as JSON for leaders and the IOC: {@code GET /api/stats?from=2026-03-01&to=2026-03-31}
 * counts the reports received from the first day to the last, both included, in Vietnam's calendar.
 */
@RestController
class StatsController {

  private static final int MAX_YEARS = 5;
  private static final int FIRST_YEAR = 2000;
  private static final int LAST_YEAR = 2100;
  private static final List<String> READERS = List.of(ReportProcess.GROUP_LEADERS, ReportProcess.GROUP_IOC, Groups.CAMUNDA_ADMIN);

  private final ScorecardQuery scorecards;
  private final StaffCredentials staff;
  private final UnitRegistry units;
  private final Clock clock;

  StatsController(ScorecardQuery scorecards, StaffCredentials staff, UnitRegistry units, Clock clock) {
    this.scorecards = scorecards;
    this.staff = staff;
    this.units = units;
    this.clock = clock;
  }

  @GetMapping("/api/stats")
  Scorecard stats(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String unitId,
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
    staff.requireMemberOf(authorization, READERS, "The scorecard");
    LocalDate first = date("from", from);
    LocalDate last = date("to", to);
    if (last.isBefore(first)) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "to: must not be before from");
    }
    if (first.plusYears(MAX_YEARS).isBefore(last)) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "to: a period of at most " + MAX_YEARS + " years");
    }
    if (unitId != null && units.find(unitId).isEmpty()) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "unitId: no unit '" + unitId + "'");
    }
    Instant start = first.atStartOfDay(SlaClock.VIETNAM).toInstant();
    Instant end = last.plusDays(1).atStartOfDay(SlaClock.VIETNAM).toInstant();
    Scorecard scorecard = scorecards.scorecard(start, end, clock.instant(), unitId);
    // one unit's figures are its row; the city's would be the same numbers under another name
    return unitId == null ? scorecard : new Scorecard(scorecard.from(), scorecard.to(), scorecard.at(), null, scorecard.units());
  }

  private static LocalDate date(String name, String value) {
    if (value == null) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, name + ": a date (YYYY-MM-DD) is required");
    }
    try {
      LocalDate date = LocalDate.parse(value);
      if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
        throw new ResponseStatusException(HttpStatus.BAD_REQUEST, name + ": a date from " + FIRST_YEAR + " to " + LAST_YEAR);
      }
      return date;
    } catch (DateTimeParseException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, name + ": not a date (YYYY-MM-DD): '" + value + "'");
    }
  }
}
