package vn.ioc.citizenreports.operations;

import java.time.Instant;
import java.util.Map;

/**
 * What operators watch, read from the shared database at one moment: the same on every node.
 *
 * @param openReportsByStep open reports by the step of the report process they wait in
 * @param overdueReports reports waiting at a unit whose deadline has passed
 * @param urgedReports open reports whose unit has been urged (and not yet reprimanded)
 * @param reprimandedReports open reports whose unit has been reprimanded
 * @param dueJobs the job executors' backlog: jobs due now, with retries left, not suspended
 * @param failedJobs jobs that used up their retries (each has an incident)
 * @param openIncidentsByType open incidents by type (failedJob, failedExternalTask, ...)
 */
public record OperationsSnapshot(
    Instant readAt,
    Map<String, Long> openReportsByStep,
    long overdueReports,
    long urgedReports,
    long reprimandedReports,
    long dueJobs,
    long failedJobs,
    Map<String, Long> openIncidentsByType) {
}
