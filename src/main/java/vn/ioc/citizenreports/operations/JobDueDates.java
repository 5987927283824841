package vn.ioc.citizenreports.operations;

import java.sql.Timestamp;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every job has a due date (ensure-job-due-date-not-null, application.yaml), because the engine
 * then acquires jobs with {@code DUEDATE_ <= now} alone, which PostgreSQL answers from an index
 * (V10_1); a job without one would never be acquired, silently. Jobs made before this setting, or
 * by a node of an older version during a rolling upgrade, have none: they are made due at start
 * and every minute after.
 */
@Component
class JobDueDates {

  private static final Logger LOG = LoggerFactory.getLogger(JobDueDates.class);

  private final JdbcClient jdbc;
  private final Clock clock;

  JobDueDates(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Scheduled(initialDelay = 0, fixedDelay = 60_000)
  void makeJobsWithoutDueDateDue() {
    int updated = jdbc.sql("UPDATE act_ru_job SET duedate_ = ? WHERE duedate_ IS NULL")
        .param(Timestamp.from(clock.instant())).update();
    if (updated > 0) {
      LOG.warn("{} jobs had no due date (made before every job got one, or by a node of an older version): now due", updated);
    }
  }
}
