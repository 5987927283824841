package vn.ioc.citizenreports.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The job executor's backlog, open incidents and the SLA figures as Prometheus gauges. They are
 * read from the shared database, so every node reports the same values: take the max over nodes.
 * A snapshot is reused for {@code citizen-reports.metrics.max-age}, so scrapes of many nodes
 * cost the database a dozen queries each time, at most.
 */
@Component
class OperationsMetrics implements MeterBinder {

  private static final Logger LOG = LoggerFactory.getLogger(OperationsMetrics.class);

  private final OperationsReader reader;
  private final Duration maxAge;
  private final Clock clock;
  private OperationsSnapshot snapshot;
  private Instant lastAttempt;

  OperationsMetrics(OperationsReader reader, @Value("${citizen-reports.metrics.max-age:PT15S}") Duration maxAge,
      Clock clock) {
    this.reader = reader;
    this.maxAge = maxAge;
    this.clock = clock;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (String step : OperationsReader.WAITING_STEPS) {
      gauge("citizen_reports.open", "Open reports waiting in a step of the report process",
          s -> s.openReportsByStep().get(step)).tag("step", step).register(registry);
    }
    gauge("citizen_reports.overdue", "Reports waiting at a unit past their deadline",
        OperationsSnapshot::overdueReports).register(registry);
    gauge("citizen_reports.urged", "Open reports whose unit has been urged",
        OperationsSnapshot::urgedReports).register(registry);
    gauge("citizen_reports.reprimanded", "Open reports whose unit has been reprimanded",
        OperationsSnapshot::reprimandedReports).register(registry);
    gauge("camunda.jobs.due", "Jobs due now with retries left: the job executors' backlog",
        OperationsSnapshot::dueJobs).register(registry);
    gauge("camunda.jobs.failed", "Jobs that used up their retries",
        OperationsSnapshot::failedJobs).register(registry);
    for (String type : OperationsReader.INCIDENT_TYPES) {
      gauge("camunda.incidents.open", "Open incidents, visible in Cockpit",
          s -> s.openIncidentsByType().getOrDefault(type, 0L)).tag("type", type).register(registry);
    }
  }

  private Gauge.Builder<OperationsMetrics> gauge(String name, String description,
      ToDoubleFunction<OperationsSnapshot> value) {
    return Gauge.builder(name, this, metrics -> {
      OperationsSnapshot snapshot = metrics.current();
      return snapshot == null ? Double.NaN : value.applyAsDouble(snapshot);
    }).description(description);
  }

  /** The snapshot, read again once it is older than max-age; null while the database fails. */
  synchronized OperationsSnapshot current() {
    Instant now = clock.instant();
    if (lastAttempt == null || lastAttempt.plus(maxAge).isBefore(now)) {
      lastAttempt = now;
      try {
        snapshot = reader.read();
      } catch (RuntimeException databaseDown) {
        // one failed read per max-age, not one per gauge: the gauges show NaN, health shows why
        LOG.warn("Operations metrics not read: {}", databaseDown.getMessage());
        snapshot = null;
      }
    }
    return snapshot;
  }
}
