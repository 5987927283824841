package vn.ioc.citizenreports.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.junit.jupiter.api.BeforeAll;
import vn.ioc.citizenreports.DecisionTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.ioc.citizenreports.reference.Category;
import vn.ioc.citizenreports.reference.ReferenceData;

/** dmn/SlaPolicy.dmn: a working week by default, as in Huế; days, not working days, for outages and urgent reports. */
class SlaPolicyDecisionTest {

  private static DmnEngine dmn;
  private static DmnDecision policy;

  @BeforeAll
  static void parseDecision() {
    dmn = DecisionTables.engine(true);
    policy = DecisionTables.parse(dmn, "SlaPolicy");
  }

  @ParameterizedTest(name = "{0}, {1}: {2} {3} to answer")
  @CsvSource({
      "ROAD_DAMAGE,  NORMAL, 5, WORKING_DAYS,  3, 2",
      "WASTE,        NORMAL, 5, WORKING_DAYS,  3, 2",
      "WATER_SUPPLY, NORMAL, 3, CALENDAR_DAYS, 2, 1",
      "POWER_SUPPLY, NORMAL, 3, CALENDAR_DAYS, 2, 1",
      "ROAD_DAMAGE,  URGENT, 1, CALENDAR_DAYS, 1, 1",
      "WATER_SUPPLY, URGENT, 1, CALENDAR_DAYS, 1, 1"})
  void responseTimeAndEscalationByCategoryAndPriority(String category, String priority, int responseDays,
      String countedIn, int reprimandDaysAfter, int maxExtensions) {
    DmnDecisionResultEntries result = evaluate(category, priority);

    assertThat(result.<Integer>getEntry("responseDays")).isEqualTo(responseDays);
    assertThat(result.<String>getEntry("countedIn")).isEqualTo(countedIn);
    assertThat(result.<Integer>getEntry("reprimandDaysAfter")).isEqualTo(reprimandDaysAfter);
    assertThat(result.<Integer>getEntry("maxExtensions")).isEqualTo(maxExtensions);
    assertThat(result.<Integer>getEntry("ratingWindowDays")).isEqualTo(7);
  }

  @Test
  void everyCategoryHasAPolicyForEveryPriority() {
    for (Category category : new ReferenceData().categories()) {
      for (String priority : new String[] {"NORMAL", "URGENT"}) {
        assertThat(evaluate(category.code(), priority).getEntryMap())
            .as("policy for %s, %s", category.code(), priority)
            .containsOnlyKeys("responseDays", "countedIn", "reminderHoursBefore", "reprimandDaysAfter", "ratingWindowDays",
                "maxExtensions", "maxExtensionDays");
      }
    }
  }

  private static DmnDecisionResultEntries evaluate(String category, String priority) {
    return dmn.evaluateDecision(policy, Map.of("category", category, "priority", priority)).getFirstResult();
  }
}
