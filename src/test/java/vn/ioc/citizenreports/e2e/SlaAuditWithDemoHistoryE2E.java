package vn.ioc.citizenreports.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The leaders' SLA audit in Cockpit on the demo history (months of reports replayed through the
 * process, as `mvn spring-boot:run` makes it with the option), in a browser that prefers
 * Vietnamese: the README's screenshots of the plugin are this test's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    // no timer fires between the page's figures and the API's
    properties = {"citizen-reports.demo-history.reports=500", "citizen-reports.demo-history.months=3",
        "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles({"test", "demo"})
class SlaAuditWithDemoHistoryE2E {

  @LocalServerPort int port;
  @Autowired TestRestTemplate http;

  @BeforeAll
  static void chromiumIsInstalled() {
    Browser.requireChromium();
    Browser.clearScreenshots();
  }

  @Test
  void aLeaderReadsTheScorecardAndTheOverdueCasesInVietnamese() {
    try (Browser browser = Browser.openInVietnamese("http://localhost:" + port)) {
      browser.logIn("cockpit", "leader1");
      assertThat(browser.visible(By.cssSelector("a[href='#/sla-audit']")).getText()).isEqualTo("Kiểm tra SLA");
      SlaAuditPage audit = SlaAuditPage.openFromCockpit(browser);

      // the city's row is the stats API's city for the same days
      JsonNode city = http.withBasicAuth("leader1", "demo")
          .getForObject("/api/stats?from=" + audit.field("from") + "&to=" + audit.field("to"), JsonNode.class).path("city");
      Map<String, Long> shown = audit.scorecardRow("city");
      for (String figure : new String[] {"received", "processed", "onTime", "lateWithExtension", "late",
          "inProgressOnTime", "inProgressOverdue", "ineligible", "satisfied", "unsatisfied", "noRating", "reprimands"}) {
        assertThat(shown.get(figure)).as(figure).isEqualTo(city.path(figure).asLong());
      }
      assertThat(city.path("received").asLong()).isGreaterThan(300);
      assertThat(browser.driver().findElements(By.cssSelector("table.sla-ranking tbody tr"))).as("ranked units").isNotEmpty();
      browser.screenshot("sla-audit-scorecard");

      audit.showTab("overdue");
      assertThat(audit.total()).matches("[0-9.]+ phản ánh").isNotEqualTo("0 phản ánh");
      assertThat(browser.driver().findElements(By.cssSelector("table.sla-cases tbody tr"))).hasSizeBetween(1, 50);
      browser.screenshot("sla-audit-overdue");
    }
  }
}
