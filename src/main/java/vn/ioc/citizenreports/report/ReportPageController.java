package vn.ioc.citizenreports.report;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The citizen's page for one report, linked from every mail: the timeline, the result, the rating. */
@Controller
@RequestMapping("/r")
class ReportPageController {

  private static final DateTimeFormatter VIETNAMESE =
      DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy").withZone(ZoneId.of("Asia/Ho_Chi_Minh"));
  private static final Map<String, String> STATES = Map.of(
      "RECEIVED", "Đã tiếp nhận, đang xác minh",
      "REJECTED", "Không tiếp nhận",
      "IN_PROGRESS", "Đang xử lý",
      "AWAITING_RATING", "Đã có kết quả, mời bạn đánh giá",
      "CLOSED", "Đã đóng");

  private final ReportTracking tracking;

  ReportPageController(ReportTracking tracking) {
    this.tracking = tracking;
  }

  @GetMapping("/{id}")
  String page(@PathVariable String id, @RequestParam(required = false) String token,
      @RequestParam(required = false) String message, Model model) {
    PublicReport report = tracking.find(id, token)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Không tìm thấy phản ánh"));
    model.addAttribute("report", report);
    model.addAttribute("token", token);
    model.addAttribute("state", STATES.getOrDefault(report.state(), report.state()));
    model.addAttribute("submittedAt", format(report.submittedAt()));
    model.addAttribute("dueAt", report.dueAt() == null || report.resultText() != null ? null : format(report.dueAt()));
    model.addAttribute("steps", report.timeline().stream()
        .map(step -> Map.of("at", format(step.at()), "what", step.what())).toList());
    model.addAttribute("message", message == null ? null : MESSAGES.get(message));
    return "report";
  }

  private static final Map<String, String> MESSAGES = Map.of(
      "rated", "Cảm ơn bạn đã đánh giá.",
      "closed", "Phản ánh không còn chờ đánh giá.");

  @PostMapping("/{id}/rating")
  String rate(@PathVariable String id, @RequestParam(required = false) String token, @RequestParam(required = false) String rating,
      @RequestParam(required = false) String comment) {
    return switch (tracking.rate(id, token, rating, comment)) {
      case RATED -> back(id, token, "rated");
      case NOT_AWAITING_RATING -> back(id, token, "closed");
      case NOT_FOUND -> throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Không tìm thấy phản ánh");
    };
  }

  /** A rating the page's buttons cannot send (a hand-made request): a plain 400, not an error page. */
  @ExceptionHandler(InvalidReportException.class)
  ResponseEntity<String> invalidRating(InvalidReportException e) {
    return ResponseEntity.badRequest().contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
        .body("Đánh giá không hợp lệ: " + e.getMessage());
  }

  private static String back(String id, String token, String message) {
    return "redirect:/r/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "?token="
        + URLEncoder.encode(token, StandardCharsets.UTF_8) + "&message=" + message;
  }

  private static String format(Instant instant) {
    return instant == null ? null : VIETNAMESE.format(instant);
  }
}
