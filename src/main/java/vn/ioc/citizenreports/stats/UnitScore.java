package vn.ioc.citizenreports.stats;

/**
 * One unit's figures (or the city's, with {@code unitId} null) for reports received in a period.
 * {@code received} = {@code ineligible} + {@code processed} + {@code inProgressOnTime} +
 * {@code inProgressOverdue} + {@code awaitingVerification}; a unit's row counts the reports
 * assigned to it, so its ineligible and awaiting counts are 0.
 *
 * @param processed answered and published; split into onTime, lateWithExtension and late
 * @param processedPercent processed out of the eligible reports (received minus ineligible)
 * @param noRating closed without the citizen's verdict
 * @param averageHandlingHours from assignment to the accepted answer, over processed reports
 * @param p90HandlingHours the 90th percentile of the same, over whole hours
 * @param reprimands reports whose unit was reprimanded
 */
public record UnitScore(
    String unitId,
    long received,
    long processed,
    Double processedPercent,
    long onTime,
    long lateWithExtension,
    long late,
    long inProgressOnTime,
    long inProgressOverdue,
    long ineligible,
    long awaitingVerification,
    long satisfied,
    long unsatisfied,
    long noRating,
    Double averageHandlingHours,
    Double p90HandlingHours,
    long reprimands) {
}
