package vn.ioc.citizenreports.report;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Minimal public intake; the full public API (evidence, tracking, rating, Open311) builds on it. */
@RestController
@RequestMapping("/api/reports")
class ReportController {

  private final ReportIntakeService intake;

  ReportController(ReportIntakeService intake) {
    this.intake = intake;
  }

  @PostMapping
  ResponseEntity<Receipt> submit(@RequestBody ReportSubmission submission) {
    return ResponseEntity.status(HttpStatus.CREATED).body(intake.submit(submission));
  }
}
