package vn.ioc.citizenreports.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import vn.ioc.citizenreports.testing.HttpJson;
import vn.ioc.citizenreports.testing.WebappSession;

/**
 * The Cockpit plugin "Kiểm tra SLA": its page is served and listed in Cockpit, its resource
 * answers the scorecard's readers only, and its lists, filters and exports find exactly the
 * overdue and extended cases among a known set of report rows (January 2025, which no other
 * test uses).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlaAuditPluginTest {

  private static final String API = "/camunda/api/cockpit/plugin/sla-audit/default/";
  private static final String JANUARY = "from=2025-01-01&to=2025-01-31";
  private static final Instant RECEIVED = Instant.parse("2025-01-10T02:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  private WebappSession leader;

  @BeforeAll
  void knownReports() {
    jdbc.sql("DELETE FROM report WHERE id LIKE 'PA-AUDIT-%'").update();
    // overdue now, urged
    report("PA-AUDIT-A", "sgtvt", "ROAD_DAMAGE", "19754", row -> row.due(RECEIVED.plus(7, ChronoUnit.DAYS)).level(1));
    // answered late, reprimanded, ended unsatisfied
    report("PA-AUDIT-B", "sgtvt", "ROAD_DAMAGE", "19869", row -> row.due(RECEIVED.plus(7, ChronoUnit.DAYS)).level(2)
        .published(RECEIVED.plus(10, ChronoUnit.DAYS), "LATE").rating("UNSATISFIED").closed());
    // extended, answered after the first deadline, ended satisfied
    report("PA-AUDIT-C", "hepco", "POWER_SUPPLY", "19754", row -> row.due(RECEIVED.plus(14, ChronoUnit.DAYS)).extended()
        .published(RECEIVED.plus(9, ChronoUnit.DAYS), "LATE_WITH_EXTENSION").rating("SATISFIED").closed());
    // extended, still within its new deadline
    report("PA-AUDIT-D", "hepco", "POWER_SUPPLY", "19869", row -> row.due(Instant.parse("2099-01-01T00:00:00Z")).extended());
    // on time: in no list
    report("PA-AUDIT-E", "sgtvt", "ROAD_DAMAGE", "19754", row -> row.due(RECEIVED.plus(7, ChronoUnit.DAYS))
        .published(RECEIVED.plus(2, ChronoUnit.DAYS), "ON_TIME").rating("SATISFIED").closed());
    // found invalid: counts for no unit, in no list
    report("PA-AUDIT-F", null, "ROAD_DAMAGE", "19754", row -> row.ineligible().closed());
    leader = WebappSession.login(baseUrl(), "cockpit", "leader1", "demo");
  }

  @AfterAll
  void removeTheKnownReports() {
    jdbc.sql("DELETE FROM report WHERE id LIKE 'PA-AUDIT-%'").update();
  }

  @Test
  void cockpitListsThePluginAndServesItsPage() {
    HttpResponse<String> script = leader.get("/camunda/api/cockpit/plugin/sla-audit/static/app/plugin.js");
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("javascript"));
    assertThat(script.body()).contains("cockpit.route", "cockpit.navigation", "Kiểm tra SLA");
    assertThat(leader.get("/camunda/app/cockpit/default/").body()).as("Cockpit's page loads the plugin").contains("sla-audit");
  }

  @Test
  void leadersTheIocAndAdministratorsReadTheAuditOthersAreRefused() {
    for (String user : List.of("leader1", "operator", "demo")) {
      HttpResponse<String> cases = WebappSession.login(baseUrl(), "cockpit", user, "demo").get(API + "cases?kind=OVERDUE&" + JANUARY);
      assertThat(cases.statusCode()).as(user).isEqualTo(200);
    }
    for (String user : List.of("pcoffice1", "designer1")) {
      HttpResponse<String> cases = WebappSession.login(baseUrl(), "cockpit", user, "demo").get(API + "cases?kind=OVERDUE&" + JANUARY);
      assertThat(cases.statusCode()).as(user).isEqualTo(403);
      assertThat(cases.body()).as(user).contains("leaders").doesNotContain("PA-AUDIT");
    }
    // a unit's staff have no Cockpit; logged in to Tasklist, they still get nothing of the audit
    HttpResponse<String> unit = WebappSession.login(baseUrl(), "tasklist", "sgtvtstaff", "demo").get(API + "scorecard?" + JANUARY);
    assertThat(unit.statusCode()).isEqualTo(403);
    assertThat(HttpJson.send(java.net.http.HttpClient.newHttpClient(), java.net.http.HttpRequest.newBuilder(
        java.net.URI.create(baseUrl() + API + "cases?kind=OVERDUE&" + JANUARY)).GET().build()).statusCode())
        .as("without a session").isEqualTo(401);
  }

  @Test
  void theOverdueListHoldsEveryMissedDeadlineRunningOrEnded() {
    JsonNode page = get("cases?kind=OVERDUE&" + JANUARY);
    assertThat(page.path("total").asLong()).isEqualTo(3);
    assertThat(page.path("moreThanTotal").asBoolean()).isFalse();
    assertThat(ids(page)).as("running first, then by deadline").containsExactly("PA-AUDIT-A", "PA-AUDIT-B", "PA-AUDIT-C");

    JsonNode urged = page.path("cases").get(0);
    assertThat(urged.path("outcome").asText()).isEqualTo("IN_PROGRESS_OVERDUE");
    assertThat(urged.path("running").asBoolean()).isTrue();
    assertThat(urged.path("escalationLevel").asInt()).isEqualTo(1);
    assertThat(urged.path("processInstanceId").asText()).isEqualTo("pi-PA-AUDIT-A");
    // the server counted at its own moment, a hair earlier than this line
    assertThat(urged.path("hoursOverdue").asLong())
        .isBetween(ChronoUnit.HOURS.between(RECEIVED.plus(7, ChronoUnit.DAYS), Instant.now()) - 1,
            ChronoUnit.HOURS.between(RECEIVED.plus(7, ChronoUnit.DAYS), Instant.now()));
    JsonNode late = page.path("cases").get(1);
    assertThat(late.path("outcome").asText()).isEqualTo("LATE");
    assertThat(late.path("running").asBoolean()).isFalse();
    assertThat(late.path("hoursOverdue").asLong()).as("answered three days late").isEqualTo(72);
    assertThat(late.path("rating").asText()).isEqualTo("UNSATISFIED");
  }

  @Test
  void theExtendedListHoldsEveryExtendedDeadline() {
    JsonNode page = get("cases?kind=EXTENDED&" + JANUARY);
    assertThat(ids(page)).as("running first").containsExactly("PA-AUDIT-D", "PA-AUDIT-C");
    assertThat(page.path("cases").get(0).path("outcome").asText()).isEqualTo("IN_PROGRESS_ON_TIME");
    assertThat(page.path("cases").get(0).path("hoursOverdue").asLong()).isZero();
  }

  @Test
  void everyFilterNarrowsTheList() {
    assertThat(ids(get("cases?kind=OVERDUE&unitId=sgtvt&" + JANUARY))).containsExactly("PA-AUDIT-A", "PA-AUDIT-B");
    assertThat(ids(get("cases?kind=OVERDUE&category=POWER_SUPPLY&" + JANUARY))).containsExactly("PA-AUDIT-C");
    assertThat(ids(get("cases?kind=OVERDUE&wardCode=19869&" + JANUARY))).containsExactly("PA-AUDIT-B");
    assertThat(ids(get("cases?kind=OVERDUE&escalationLevel=2&" + JANUARY))).containsExactly("PA-AUDIT-B");
    assertThat(ids(get("cases?kind=OVERDUE&escalationLevel=0&" + JANUARY))).containsExactly("PA-AUDIT-C");
    assertThat(ids(get("cases?kind=OVERDUE&outcome=IN_PROGRESS_OVERDUE&" + JANUARY))).containsExactly("PA-AUDIT-A");
    assertThat(ids(get("cases?kind=OVERDUE&outcome=LATE_WITH_EXTENSION&" + JANUARY))).containsExactly("PA-AUDIT-C");
    assertThat(ids(get("cases?kind=EXTENDED&state=RUNNING&" + JANUARY))).containsExactly("PA-AUDIT-D");
    assertThat(ids(get("cases?kind=OVERDUE&state=ENDED&" + JANUARY))).containsExactly("PA-AUDIT-B", "PA-AUDIT-C");
    assertThat(ids(get("cases?kind=OVERDUE&from=2025-01-11&to=2025-01-31"))).as("received before the period").isEmpty();

    JsonNode second = get("cases?kind=OVERDUE&firstResult=1&maxResults=1&" + JANUARY);
    assertThat(second.path("total").asLong()).isEqualTo(3);
    assertThat(ids(second)).containsExactly("PA-AUDIT-B");
    // a page takes the running cases, then the ended ones: pages across that border miss none and repeat none
    assertThat(ids(get("cases?kind=OVERDUE&firstResult=0&maxResults=2&" + JANUARY))).containsExactly("PA-AUDIT-A", "PA-AUDIT-B");
    assertThat(ids(get("cases?kind=OVERDUE&firstResult=2&maxResults=2&" + JANUARY))).containsExactly("PA-AUDIT-C");
    assertThat(ids(get("cases?kind=OVERDUE&firstResult=3&maxResults=2&" + JANUARY))).isEmpty();
  }

  @Test
  void casesWithoutADeadlineComeLastOfTheirStateAndPagesCrossEveryPart() {
    // February 2025: a running case with a deadline and one without, two ended ones by deadline, one without
    Instant received = Instant.parse("2025-02-03T02:00:00Z");
    report("PA-AUDIT-G", "sgtvt", "ROAD_DAMAGE", "19754", row -> row.received(received)
        .due(received.plus(9, ChronoUnit.DAYS)).level(1));
    report("PA-AUDIT-L", "sgtvt", "ROAD_DAMAGE", "19754", row -> row.received(received).level(1));
    report("PA-AUDIT-H", "sgtvt", "ROAD_DAMAGE", "19754", row -> row.received(received)
        .due(received.plus(8, ChronoUnit.DAYS)).published(received.plus(10, ChronoUnit.DAYS), "LATE").closed());
    report("PA-AUDIT-I", "hepco", "POWER_SUPPLY", "19754", row -> row.received(received)
        .due(received.plus(7, ChronoUnit.DAYS)).published(received.plus(10, ChronoUnit.DAYS), "LATE").closed());
    report("PA-AUDIT-J", "hepco", "POWER_SUPPLY", "19754", row -> row.received(received).level(1).closed());
    String february = "from=2025-02-01&to=2025-02-28";
    try {
      List<String> all = List.of("PA-AUDIT-G", "PA-AUDIT-L", "PA-AUDIT-I", "PA-AUDIT-H", "PA-AUDIT-J");
      assertThat(ids(get("cases?kind=OVERDUE&" + february))).containsExactlyElementsOf(all);
      List<String> oneByOne = new ArrayList<>();
      for (int first = 0; first < 6; first++) {
        oneByOne.addAll(ids(get("cases?kind=OVERDUE&maxResults=1&firstResult=" + first + "&" + february)));
      }
      assertThat(oneByOne).containsExactlyElementsOf(all);
      assertThat(ids(get("cases?kind=OVERDUE&maxResults=2&firstResult=1&" + february)))
          .containsExactly("PA-AUDIT-L", "PA-AUDIT-I");
      assertThat(ids(get("cases?kind=OVERDUE&maxResults=2&firstResult=3&" + february)))
          .containsExactly("PA-AUDIT-H", "PA-AUDIT-J");
      assertThat(ids(get("cases?kind=OVERDUE&state=RUNNING&" + february))).containsExactly("PA-AUDIT-G", "PA-AUDIT-L");
      assertThat(ids(get("cases?kind=OVERDUE&state=ENDED&maxResults=2&firstResult=1&" + february)))
          .containsExactly("PA-AUDIT-H", "PA-AUDIT-J");
      assertThat(ids(get("cases?kind=OVERDUE&state=ENDED&maxResults=1&firstResult=2&" + february)))
          .containsExactly("PA-AUDIT-J");
    } finally {
      jdbc.sql("DELETE FROM report WHERE id IN ('PA-AUDIT-G', 'PA-AUDIT-H', 'PA-AUDIT-I', 'PA-AUDIT-J', 'PA-AUDIT-L')")
          .update();
    }
  }

  @Test
  void aDeadlineBeforeItsSubmissionIsRefused() {
    // the lists read cases by deadline from the period's start (AuditCaseQuery), so it must hold
    try {
      assertThatThrownBy(() -> report("PA-AUDIT-K", "sgtvt", "ROAD_DAMAGE", "19754",
          row -> row.due(RECEIVED.minus(1, ChronoUnit.SECONDS))))
          .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("REPORT_DEADLINE_AFTER_SUBMISSION");
    } finally {
      jdbc.sql("DELETE FROM report WHERE id = 'PA-AUDIT-K'").update();
    }
  }

  @Test
  void aListCountsTenThousandCasesAndSaysThereAreMore() {
    // a month of 2019 of 10,001 overdue cases, each its own row
    jdbc.sql("""
        INSERT INTO report (id, category, description, ward_code, channel, submitted_at, unit_id, assigned_at, due_at,
          escalation_level)
        SELECT 'PA-AUDIT-M' || LPAD(CAST(X AS VARCHAR), 5, '0'), 'ROAD_DAMAGE', 'Kiểm tra', '19754', 'WEB',
          TIMESTAMP WITH TIME ZONE '2019-03-01 00:00:00+07' + X * INTERVAL '1' MINUTE, 'sgtvt',
          TIMESTAMP WITH TIME ZONE '2019-03-01 00:00:00+07', TIMESTAMP WITH TIME ZONE '2019-03-08 00:00:00+07', 1
        FROM SYSTEM_RANGE(1, 10001)""").update();

    JsonNode first = get("cases?kind=OVERDUE&from=2019-03-01&to=2019-03-31");
    assertThat(first.path("total").asLong()).isEqualTo(AuditCaseQuery.COUNTED_AT_MOST);
    assertThat(first.path("moreThanTotal").asBoolean()).isTrue();
    assertThat(ids(first)).hasSize(SlaAuditResource.DEFAULT_PAGE).first().isEqualTo("PA-AUDIT-M00001");
    JsonNode last = get("cases?kind=OVERDUE&from=2019-03-01&to=2019-03-31&firstResult=10000");
    assertThat(ids(last)).as("the list goes on past the count").containsExactly("PA-AUDIT-M10001");
    assertThat(get("cases?kind=OVERDUE&from=2019-03-01&to=2019-03-02").path("moreThanTotal").asBoolean())
        .as("a day of them").isFalse();

    jdbc.sql("DELETE FROM report WHERE id = 'PA-AUDIT-M10001'").update();
    JsonNode exactlyAsManyAsCounted = get("cases?kind=OVERDUE&from=2019-03-01&to=2019-03-31");
    assertThat(exactlyAsManyAsCounted.path("total").asLong()).isEqualTo(AuditCaseQuery.COUNTED_AT_MOST);
    assertThat(exactlyAsManyAsCounted.path("moreThanTotal").asBoolean()).isFalse();
  }

  @Test
  void theScorecardRanksOnlyUnitsAboveTheMinimumVolume() {
    JsonNode result = get("scorecard?minimumReceived=3&" + JANUARY);
    JsonNode city = result.path("scorecard").path("city");
    assertThat(city.path("received").asLong()).isEqualTo(6);
    assertThat(city.path("ineligible").asLong()).isEqualTo(1);
    assertThat(city.path("onTime").asLong()).isEqualTo(1);
    assertThat(city.path("lateWithExtension").asLong()).isEqualTo(1);
    assertThat(city.path("late").asLong()).isEqualTo(1);
    assertThat(city.path("inProgressOverdue").asLong()).isEqualTo(1);
    assertThat(city.path("inProgressOnTime").asLong()).isEqualTo(1);
    // sgtvt received 3 (ranked), hepco 2 (not); sgtvt: 1 on time out of 2 answered and 1 overdue
    assertThat(result.path("ranking")).hasSize(1);
    assertThat(result.path("ranking").get(0).path("unitId").asText()).isEqualTo("sgtvt");
    assertThat(result.path("ranking").get(0).path("rank").asInt()).isEqualTo(1);
    assertThat(result.path("ranking").get(0).path("onTimePercent").asDouble()).isEqualTo(33.3);
    assertThat(result.path("ranking").get(0).path("satisfiedPercent").asDouble()).isEqualTo(50.0);

    JsonNode both = get("scorecard?minimumReceived=2&" + JANUARY).path("ranking");
    assertThat(both).hasSize(2);
    assertThat(both.get(0).path("unitId").asText()).as("hepco: its one due report late with extension, 0 %; "
        + "sgtvt 33.3 %").isEqualTo("sgtvt");
  }

  @Test
  void bothListsAndTheScorecardExportAsCsv() {
    HttpResponse<String> cases = leader.get(API + "cases.csv?kind=OVERDUE&lang=vi&" + JANUARY);
    assertThat(cases.statusCode()).isEqualTo(200);
    assertThat(cases.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
    assertThat(cases.headers().firstValue("Content-Disposition"))
        .hasValue("attachment; filename=\"sla-overdue-2025-01-01-2025-01-31.csv\"");
    List<List<String>> lines = csv(cases.body());
    assertThat(lines.get(0)).startsWith("Mã phản ánh", "Mã đơn vị", "Đơn vị", "Lĩnh vực");
    assertThat(lines).hasSize(4);
    assertThat(lines.get(1)).startsWith("PA-AUDIT-A", "sgtvt").contains("Đang xử lý quá hạn", "Có", "pi-PA-AUDIT-A");
    // times in Huế's local time: received 2025-01-10 09:00, answered ten days later
    assertThat(lines.get(2)).startsWith("PA-AUDIT-B", "sgtvt").contains("2025-01-10 09:00", "2025-01-17 09:00")
        .endsWith("2025-01-20 09:00", "Trễ hạn", "72", "Không hài lòng", "Không", "pi-PA-AUDIT-B");

    HttpResponse<String> scorecard = leader.get(API + "scorecard.csv?minimumReceived=3&lang=en&" + JANUARY);
    List<List<String>> rows = csv(scorecard.body());
    assertThat(rows.get(0)).startsWith("Unit id", "Unit", "Rank", "Received", "Processed");
    assertThat(rows.get(1)).startsWith("Whole city", "", "", "6", "3");
    // rank, received, processed
    assertThat(row(rows, "sgtvt").subList(2, 5)).containsExactly("1", "3", "2");
    assertThat(row(rows, "hepco").subList(2, 5)).as("not ranked: too few reports").containsExactly("", "2", "1");
  }

  private static List<String> row(List<List<String>> rows, String unitId) {
    return rows.stream().filter(row -> row.get(0).equals(unitId)).findFirst().orElseThrow();
  }

  /** The rows of a CSV export, which starts with a byte order mark for spreadsheet programs. */
  private static List<List<String>> csv(String body) {
    assertThat(body).startsWith("\uFEFF");
    try (MappingIterator<List<String>> rows = new CsvMapper().readerForListOf(String.class)
        .with(CsvParser.Feature.WRAP_AS_ARRAY).readValues(body.substring(1))) {
      return rows.readAll();
    } catch (java.io.IOException e) {
      throw new AssertionError(body, e);
    }
  }

  @Test
  void aBadFilterIsA400ThatNamesTheParameter() {
    assertBadRequest("cases?" + JANUARY, "kind");
    assertBadRequest("cases?kind=LOST&" + JANUARY, "kind");
    assertBadRequest("cases?kind=OVERDUE&from=2025-02-01&to=2025-01-01", "to");
    assertBadRequest("cases?kind=OVERDUE&to=2025-01-01", "from");
    assertBadRequest("cases?kind=OVERDUE&unitId=nobody&" + JANUARY, "unitId");
    assertBadRequest("cases?kind=OVERDUE&category=SPACESHIP&" + JANUARY, "category");
    assertBadRequest("cases?kind=OVERDUE&wardCode=1&" + JANUARY, "wardCode");
    assertBadRequest("cases?kind=OVERDUE&escalationLevel=7&" + JANUARY, "escalationLevel");
    assertBadRequest("cases?kind=OVERDUE&outcome=SOON&" + JANUARY, "outcome");
    assertBadRequest("cases?kind=OVERDUE&state=ASLEEP&" + JANUARY, "state");
    assertBadRequest("cases?kind=OVERDUE&maxResults=100000&" + JANUARY, "maxResults");
    assertBadRequest("cases?kind=OVERDUE&firstResult=-1&" + JANUARY, "firstResult");
    assertBadRequest("cases.csv?kind=OVERDUE&lang=fr&" + JANUARY, "lang");
    assertBadRequest("scorecard?minimumReceived=0&" + JANUARY, "minimumReceived");
    assertBadRequest("scorecard.csv?unitId=nobody&" + JANUARY, "unitId");
  }

  private void assertBadRequest(String path, String parameter) {
    HttpResponse<String> response = leader.get(API + path);
    assertThat(response.statusCode()).as(path).isEqualTo(400);
    assertThat(response.body()).as(path).contains(parameter);
  }

  private JsonNode get(String path) {
    HttpResponse<String> response = leader.get(API + path);
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    try {
      return JSON.readTree(response.body());
    } catch (Exception e) {
      throw new AssertionError(response.body(), e);
    }
  }

  private static List<String> ids(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.path("cases").forEach(auditCase -> ids.add(auditCase.path("reportId").asText()));
    return ids;
  }

  private String baseUrl() {
    return "http://localhost:" + port;
  }

  /** A report row as the process leaves it, written directly: these tests are about the lists, not the process. */
  private void report(String id, String unitId, String category, String wardCode, java.util.function.UnaryOperator<Row> shape) {
    Row row = shape.apply(new Row());
    jdbc.sql("""
            INSERT INTO report (id, category, description, ward_code, channel, submitted_at,
              process_instance_id, unit_id, assigned_at, due_at, extended, escalation_level, ineligible,
              answered_at, published_at, sla_outcome, handling_seconds, rating, closed_at)
            VALUES (:id, :category, 'Kiểm tra', :wardCode, 'WEB', :received, :pi, :unitId, :assigned, :due,
              :extended, :level, :ineligible, :answered, :published, :outcome, :handling, :rating, :closed)""")
        .param("id", id).param("category", category).param("wardCode", wardCode)
        .param("received", Timestamp.from(row.received)).param("pi", "pi-" + id).param("unitId", unitId)
        .param("assigned", unitId == null ? null : Timestamp.from(row.received))
        .param("due", row.due == null ? null : Timestamp.from(row.due))
        .param("extended", row.extended).param("level", row.level).param("ineligible", row.ineligible)
        .param("answered", row.published == null ? null : Timestamp.from(row.published))
        .param("published", row.published == null ? null : Timestamp.from(row.published))
        .param("outcome", row.outcome)
        .param("handling", row.published == null ? null : row.published.getEpochSecond() - row.received.getEpochSecond())
        .param("rating", row.rating)
        .param("closed", row.closed ? Timestamp.from(row.published == null ? row.received : row.published.plusSeconds(3600)) : null)
        .update();
  }

  private static final class Row {
    Instant received = RECEIVED;
    Instant due;
    boolean extended;
    int level;
    boolean ineligible;
    Instant published;
    String outcome;
    String rating;
    boolean closed;

    Row received(Instant at) {
      received = at;
      return this;
    }

    Row due(Instant at) {
      due = at;
      return this;
    }

    Row extended() {
      extended = true;
      return this;
    }

    Row level(int escalation) {
      level = escalation;
      return this;
    }

    Row ineligible() {
      ineligible = true;
      return this;
    }

    Row published(Instant at, String slaOutcome) {
      published = at;
      outcome = slaOutcome;
      return this;
    }

    Row rating(String verdict) {
      rating = verdict;
      return this;
    }

    Row closed() {
      closed = true;
      return this;
    }
  }
}
