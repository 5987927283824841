package vn.ioc.citizenreports.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import vn.ioc.citizenreports.handling.ReportProcess;
import vn.ioc.citizenreports.report.ReportRepository;
import vn.ioc.citizenreports.sla.SlaClock;
import vn.ioc.citizenreports.stats.ScorecardQuery;
import vn.ioc.citizenreports.stats.UnitScore;

/**
 * The demo history as `mvn spring-boot:run` makes it with the option: reports replayed through
 * the real process, ended ones in a mix close to Huế's figures, recent ones still running in
 * every step, and nothing failed.
 */
@SpringBootTest(properties = {"citizen-reports.demo-history.reports=300", "citizen-reports.demo-history.months=2"})
@ActiveProfiles({"test", "demo"})
class DemoHistoryTest {

  @Autowired ReportRepository reports;
  @Autowired ScorecardQuery scorecards;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired DemoHistoryRunner runner;

  @Test
  void monthsOfReportsThroughTheRealProcess() throws Exception {
    assertThat(reports.count()).isEqualTo(300);
    Instant now = Instant.now();
    UnitScore city = scorecards.scorecard(ZonedDateTime.now(SlaClock.VIETNAM).minusMonths(4).toInstant(), now, now, null)
        .city();
    System.out.printf("Demo history city: %s%n", city);
    assertThat(city.received()).isEqualTo(300);
    assertThat(city.processedPercent()).as("processed out of eligible").isBetween(75.0, 97.0);
    assertThat(share(city.onTime(), city.processed())).as("on time").isBetween(0.35, 0.65);
    assertThat(share(city.lateWithExtension(), city.processed())).as("late with extension").isBetween(0.30, 0.60);
    assertThat(city.late()).as("late").isPositive();
    assertThat(share(city.late(), city.processed())).as("late").isLessThan(0.12);
    assertThat(city.ineligible()).isPositive();
    assertThat(share(city.satisfied(), city.satisfied() + city.unsatisfied())).as("satisfied").isBetween(0.68, 0.92);
    assertThat(city.noRating()).isPositive();
    assertThat(city.reprimands()).isPositive();

    // the recent reports wait where reports wait
    for (String step : new String[] {ReportProcess.TASK_VERIFY_REPORT, ReportProcess.TASK_HANDLE_REPORT}) {
      assertThat(taskService.createTaskQuery().taskDefinitionKey(step).count()).as(step).isPositive();
    }
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(ReportProcess.KEY).count())
        .as("running").isBetween(10L, 150L);
    assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(ReportProcess.KEY).finished()
        .count()).as("ended").isGreaterThan(150);
    assertThat(runtimeService.createIncidentQuery().count()).as("incidents").isZero();
    assertThat(managementService.createJobQuery().withException().count()).as("failed jobs").isZero();
    // every timer due before the replay's last minutes has fired (later ones are the job executor's)
    assertThat(managementService.createJobQuery().timers()
        .duedateLowerThan(Date.from(now.minus(Duration.ofMinutes(10)))).count()).as("timers overdue").isZero();

    runner.run(new DefaultApplicationArguments());
    assertThat(reports.count()).as("a database with reports is left alone").isEqualTo(300);
  }

  private static double share(long part, long whole) {
    return whole == 0 ? 0 : (double) part / whole;
  }
}
