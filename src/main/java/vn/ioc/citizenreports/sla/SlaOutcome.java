package vn.ioc.citizenreports.sla;

/** How a unit did against its deadline, as leaders count it; declared from best to worst. */
public enum SlaOutcome {
  ON_TIME, LATE_WITH_EXTENSION, LATE
}
