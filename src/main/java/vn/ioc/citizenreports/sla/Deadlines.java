package vn.ioc.citizenreports.sla;

import java.time.Instant;

/** The moments the SLA timers wait for, all derived from {@code dueAt}. */
public record Deadlines(Instant dueAt, Instant reminderAt, Instant reprimandAt) {}
