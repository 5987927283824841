package vn.ioc.citizenreports.sla;

import java.time.Instant;

/** A report waiting for its unit's answer, and by when. */
public record OpenAssignment(String reportId, String unitId, String category, String wardCode, Instant dueAt) {}
