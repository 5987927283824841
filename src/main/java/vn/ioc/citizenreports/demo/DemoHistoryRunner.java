package vn.ioc.citizenreports.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import vn.ioc.citizenreports.report.ReportRepository;

/**
 * {@code --citizen-reports.demo-history.reports=3000}: fills an empty demo database with that
 * many reports of the past months before the application takes work: runners run before the job
 * executor starts, and {@link DemoHistoryGate} answers 503 meanwhile. A database that already
 * holds reports is left alone. For the demo's single node on H2: two nodes starting on one empty
 * database would both replay.
 */
@Component
@Profile("demo")
class DemoHistoryRunner implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(DemoHistoryRunner.class);
  /** The same history every time, so that a screenshot or a bug report can be reproduced. */
  private static final long SEED = 2026;

  private final DemoHistory history;
  private final ReportRepository reports;
  private final int count;
  private final int months;

  DemoHistoryRunner(DemoHistory history, ReportRepository reports,
      @Value("${citizen-reports.demo-history.reports:0}") int count,
      @Value("${citizen-reports.demo-history.months:6}") int months) {
    this.history = history;
    this.reports = reports;
    this.count = count;
    this.months = months;
  }

  @Override
  public void run(ApplicationArguments arguments) {
    if (count <= 0) {
      return;
    }
    long existing = reports.count();
    if (existing > 0) {
      LOG.info("Demo history not generated: the database already holds {} reports (delete ./data to start afresh)",
          existing);
      return;
    }
    LOG.info("Demo history: replaying {} reports of the last {} months through the process…", count, months);
    history.generate(count, months, SEED);
  }
}
