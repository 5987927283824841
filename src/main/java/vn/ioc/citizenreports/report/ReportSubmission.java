package vn.ioc.citizenreports.report;

/** A report as it arrives, before it is checked: every field may be missing or wrong. */
public record ReportSubmission(
    String category,
    String description,
    String wardCode,
    String address,
    Double latitude,
    Double longitude,
    String channel,
    Reporter reporter) {}
