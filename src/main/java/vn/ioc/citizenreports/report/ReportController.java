package vn.ioc.citizenreports.report;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The public JSON API for citizens: send a report, follow it, rate it. */
@RestController
@RequestMapping("/api/reports")
class ReportController {

  private final ReportIntakeService intake;
  private final ReportTracking tracking;

  ReportController(ReportIntakeService intake, ReportTracking tracking) {
    this.intake = intake;
    this.tracking = tracking;
  }

  /** With an Idempotency-Key header, a retried submission gets the first answer again. */
  @PostMapping
  ResponseEntity<Receipt> submit(@RequestBody ReportSubmission submission,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
    return ResponseEntity.status(HttpStatus.CREATED).body(intake.submit(submission, idempotencyKey));
  }

  /** A wrong token answers exactly like an unknown report. */
  @GetMapping("/{id}")
  PublicReport find(@PathVariable String id, @RequestParam(required = false) String token) {
    return tracking.find(id, token).orElseThrow(ReportController::notFound);
  }

  record Rating(String rating, String comment) {}

  @PostMapping("/{id}/rating")
  ResponseEntity<Void> rate(@PathVariable String id, @RequestParam(required = false) String token, @RequestBody Rating rating) {
    return switch (tracking.rate(id, token, rating.rating(), rating.comment())) {
      case RATED -> ResponseEntity.noContent().build();
      case NOT_FOUND -> throw notFound();
      case NOT_AWAITING_RATING -> throw new ResponseStatusException(HttpStatus.CONFLICT,
          "The report is not waiting for a rating: not yet published, already rated, or the rating window closed");
    };
  }

  private static ResponseStatusException notFound() {
    return new ResponseStatusException(HttpStatus.NOT_FOUND, "No report with this id and token");
  }
}
