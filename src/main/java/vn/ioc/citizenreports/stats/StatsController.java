package vn.ioc.citizenreports.stats;

import java.time.Clock;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import vn.ioc.citizenreports.routing.UnitRegistry;
import vn.ioc.citizenreports.system.StaffCredentials;

/**
 * The scorecard as JSON for leaders and the IOC: {@code GET /api/stats?from=2026-03-01&to=2026-03-31}
 * counts the reports received from the first day to the last, both included, in Vietnam's calendar.
 */
@RestController
class StatsController {

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
    staff.requireMemberOf(authorization, Scorecard.READERS, "The scorecard");
    ReportingPeriod period;
    try {
      period = ReportingPeriod.of(from, to);
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
    }
    if (unitId != null && units.find(unitId).isEmpty()) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "unitId: no unit '" + unitId + "'");
    }
    Scorecard scorecard = scorecards.scorecard(period.from(), period.to(), clock.instant(), unitId);
    // one unit's figures are its row; the city's would be the same numbers under another name
    return unitId == null ? scorecard : new Scorecard(scorecard.from(), scorecard.to(), scorecard.at(), null, scorecard.units());
  }
}
