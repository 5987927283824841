package vn.ioc.citizenreports.sla;

/**
 * What the {@code SlaPolicy} decision says for a report: how long the unit has, when it is
 * reminded and reprimanded, how long the citizen may rate, and how far it may be extended.
 *
 * @param countedIn whether responseDays and reprimandDaysAfter are working or calendar days
 */
public record SlaPolicy(
    int responseDays,
    DayCounting countedIn,
    int reminderHoursBefore,
    int reprimandDaysAfter,
    int ratingWindowDays,
    int maxExtensions,
    int maxExtensionDays) {

  public enum DayCounting { WORKING_DAYS, CALENDAR_DAYS }
}
