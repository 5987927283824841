package vn.ioc.citizenreports.audit;

/**
 * One case in the audit lists, with its times as ISO-8601 instants (null: not yet).
 *
 * @param hoursOverdue how far past its deadline the unit answered, or is now if unanswered; 0 when not
 * @param outcome as {@link CaseFilter.Outcome}
 */
public record AuditCase(
    String reportId,
    String processInstanceId,
    String category,
    String wardCode,
    String unitId,
    String submittedAt,
    String assignedAt,
    String dueAt,
    boolean extended,
    int escalationLevel,
    String answeredAt,
    String publishedAt,
    String outcome,
    String rating,
    boolean running,
    long hoursOverdue) {
}
