package vn.ioc.citizenreports.handling;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import vn.ioc.citizenreports.notification.NotificationProperties;
import vn.ioc.citizenreports.notification.NotificationService;
import vn.ioc.citizenreports.reference.ReferenceData;
import vn.ioc.citizenreports.report.ReportIntakeService;
import vn.ioc.citizenreports.report.ReportNumbers;
import vn.ioc.citizenreports.report.DuplicateFinder;
import vn.ioc.citizenreports.report.EvidenceStore;
import vn.ioc.citizenreports.report.ReportRepository;
import vn.ioc.citizenreports.report.TrackingTokens;
import vn.ioc.citizenreports.routing.UnitRegistry;
import vn.ioc.citizenreports.sla.OverdueDigest;
import vn.ioc.citizenreports.sla.SlaClock;
import vn.ioc.citizenreports.sla.WorkingCalendar;

/**
 * The beans the process calls, wired by hand for engine tests: the real services, the report
 * table in the engine's own database (migrated by Flyway), and a recording mail server.
 * Registered under the names the BPMN's delegate expressions use.
 */
final class ProcessTestBeans {

  static final String LEADERS_MAILBOX = "lanhdao@hue.gov.vn";
  private static final Set<String> MIGRATED_DATABASES = new HashSet<>();

  final ReportRepository reports;
  final NotificationService notifications;
  final ReportIntakeService intake;
  final RecordingMailGateway mailServer = new RecordingMailGateway();
  final WorkingCalendar calendar = WorkingCalendar.load();
  final SlaClock slaClock = new SlaClock(calendar);
  final TrackingTokens tokens = new TrackingTokens("process-test-secret-0123456789");
  /** The intake reads the same clock the engine does, so tests move both with ClockUtil. */
  final Clock clock = new EngineTimeClock();

  ProcessTestBeans(ProcessEngine engine) {
    // as in the application: our tables live in the engine's database
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    migrateOnce(configuration);
    DataSource dataSource = configuration.getDataSource();
    // each test starts without earlier tests' reports (the duplicate finder would see them)
    JdbcClient jdbc = JdbcClient.create(dataSource);
    for (String table : new String[] {"evidence", "idempotent_submission", "open311_token", "report"}) {
      jdbc.sql("delete from " + table).update();
    }
    ReferenceData reference = new ReferenceData();
    UnitRegistry units = new UnitRegistry();
    reports = new ReportRepository(JdbcClient.create(dataSource));
    intake = new ReportIntakeService(reports, new ReportNumbers(dataSource), reference,
        new ProcessReportLifecycle(engine.getRuntimeService(), reference, tokens, new DuplicateFinder(reports)), tokens,
        new EvidenceStore(evidenceDirectory()), new DataSourceTransactionManager(dataSource), clock);
    notifications = new NotificationService(new ProcessMailOutbox(engine.getRuntimeService()), units,
        new NotificationProperties("ioc@hue.gov.vn", LEADERS_MAILBOX, "https://phananh.hue.gov.vn"));
    EscalationDelegates escalation = new EscalationDelegates();

    Mocks.register("reportSubmittedListener", new ReportSubmittedListener(intake, reports, reference, new DuplicateFinder(reports)));
    Mocks.register("reportRecordListener", new ReportRecordListener(reports));
    Mocks.register("decisionResetListener", new DecisionResetListener());
    Mocks.register("unitQueueCardListener", new UnitQueueCardListener());
    Mocks.register("reviewDecisionListener", new ReviewDecisionListener(slaClock));
    Mocks.register("verifyReportListener", new VerifyReportListener(reference, units, reports));
    Mocks.register("handleReportListener", new HandleReportListener(slaClock));
    Mocks.register("rerouteReportListener", new RerouteReportListener(units));
    Mocks.register("escalationLadderListener", new EscalationLadderListener(slaClock));
    Mocks.register("ratingListener", new RatingListener());
    Mocks.register("assignUnitDelegate", new AssignUnitDelegate());
    Mocks.register("startSlaClockDelegate", new StartSlaClockDelegate(slaClock));
    Mocks.register("extendDeadlineDelegate", new ExtendDeadlineDelegate(slaClock));
    Mocks.register("markOverdueDelegate", escalation.markOverdueDelegate());
    Mocks.register("markReprimandedDelegate", escalation.markReprimandedDelegate());
    Mocks.register("publishResultDelegate", new PublishResultDelegate(slaClock));
    Mocks.register("closeReportDelegate", new CloseReportDelegate());
    Mocks.register("notifyDelegate", new NotifyDelegate(notifications, reference, tokens));
    Mocks.register("sendMailDelegate", new SendMailDelegate(mailServer));
    Mocks.register("overdueDigestDelegate", new OverdueDigestDelegate(engine.getTaskService(), engine.getRuntimeService(),
        new OverdueDigest(notifications, calendar, slaClock, units, reference)));
  }

  private static synchronized void migrateOnce(ProcessEngineConfigurationImpl configuration) {
    if (MIGRATED_DATABASES.add(configuration.getJdbcUrl())) {
      Flyway.configure()
          .dataSource(configuration.getJdbcUrl(), configuration.getJdbcUsername(), configuration.getJdbcPassword())
          .table("citizen_reports_schema_history").baselineOnMigrate(true).baselineVersion("0")
          .load().migrate();
    }
  }

  private static java.nio.file.Path evidenceDirectory() {
    try {
      return java.nio.file.Files.createTempDirectory("evidence");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  void reset() {
    Mocks.reset();
    ClockUtil.reset();
  }

  private static final class EngineTimeClock extends Clock {
    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
      return ClockUtil.getCurrentTime().toInstant();
    }
  }
}
