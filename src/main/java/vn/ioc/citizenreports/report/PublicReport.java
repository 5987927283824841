package vn.ioc.citizenreports.report;

import java.time.Instant;
import java.util.List;

/** A report as its citizen sees it: what was sent, and what happened since. */
public record PublicReport(
    String id,
    String category,
    String categoryName,
    String wardCode,
    String wardName,
    String address,
    Double latitude,
    Double longitude,
    String description,
    Instant submittedAt,
    String state,
    String unitName,
    Instant dueAt,
    String resultText,
    String rating,
    boolean canRate,
    List<Step> timeline) {

  /** One step of the handling, in Vietnamese. */
  public record Step(Instant at, String what) {}
}
