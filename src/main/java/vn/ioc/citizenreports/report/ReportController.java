package vn.ioc.citizenreports.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
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
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Receipt> submit(@RequestBody ReportSubmission submission,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
    return ResponseEntity.status(HttpStatus.CREATED).body(intake.submit(submission, idempotencyKey));
  }

  /** The report as a JSON part {@code report}, with up to 5 photos or short videos as parts {@code evidence}. */
  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<Receipt> submitWithEvidence(@RequestPart("report") ReportSubmission submission,
      @RequestPart(name = "evidence", required = false) List<MultipartFile> files,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) throws IOException {
    List<Upload> uploads = new ArrayList<>();
    for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
      uploads.add(new Upload(file.getOriginalFilename(), file.getBytes()));
    }
    return ResponseEntity.status(HttpStatus.CREATED).body(intake.submit(submission, idempotencyKey, uploads));
  }

  /** A photo or video of a report: for its citizen (token) or for staff (the key in their forms). */
  @GetMapping("/{id}/evidence/{seq}")
  ResponseEntity<Resource> evidence(@PathVariable String id, @PathVariable int seq,
      @RequestParam(required = false) String token, @RequestParam(required = false) String key) {
    if (!tracking.mayOpenEvidence(id, token, key)) {
      throw notFound();
    }
    Evidence file = tracking.evidence(id, seq).orElseThrow(ReportController::notFound);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(file.contentType()))
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Disposition", "inline; filename=\"evidence-" + seq + "\"")
        .body(new FileSystemResource(tracking.evidenceFile(id, seq).orElseThrow(ReportController::notFound)));
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
