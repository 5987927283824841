package vn.ioc.citizenreports.report;

import java.time.Instant;

/** A stored report. Its id (e.g. {@code PA-2026-000123}) is the process's business key. */
public record Report(
    String id,
    String category,
    String description,
    String wardCode,
    String address,
    Double latitude,
    Double longitude,
    Channel channel,
    Reporter reporter,
    Instant submittedAt) {}
