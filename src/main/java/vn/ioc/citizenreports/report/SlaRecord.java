package vn.ioc.citizenreports.report;

import java.time.Instant;

/**
 * Where a report stands against its deadline, as the scorecards count it. Null fields have not
 * happened yet.
 *
 * @param processInstanceId the process instance that handles the report
 * @param unitId the unit whose record the report counts in (the last one assigned)
 * @param escalationLevel 0, 1 when that unit was urged, 2 when it was reprimanded
 * @param ineligible the IOC found the report invalid or a duplicate: it counts for no unit
 * @param slaOutcome ON_TIME, LATE_WITH_EXTENSION or LATE, once the answer is published
 * @param rating SATISFIED, UNSATISFIED or NONE (closed without a verdict)
 */
public record SlaRecord(
    String reportId,
    String processInstanceId,
    String unitId,
    Instant assignedAt,
    Instant dueAt,
    boolean extended,
    int escalationLevel,
    boolean ineligible,
    Instant answeredAt,
    Instant publishedAt,
    String slaOutcome,
    String rating,
    Instant closedAt) {
}
