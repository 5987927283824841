package vn.ioc.citizenreports.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import vn.ioc.citizenreports.handling.MailDeliveryProcess;
import vn.ioc.citizenreports.handling.ReportProcess;

/**
 * What a citizen writes is stored as given and shown escaped wherever it is shown: the page
 * (HTML-escaped), the API (JSON), Open311 XML, the mails (plain text, where a template's braces in
 * the text stay text) and the staff's forms (the value of a text field, never rendered markup).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=false")
@ActiveProfiles({"test", "demo"})
class CitizenTextTest {

  private static final String HOSTILE = "<script>alert(\"x\")</script> & {{trackingToken}} 'ổ gà' \u202e 🛵";
  private static final String NAME = "<b>Nguyễn</b> Văn A";

  @Autowired TestRestTemplate http;
  @Autowired JdbcClient jdbc;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  @Test
  void citizenTextIsStoredAsGivenAndEscapedWhereverItIsShown() throws Exception {
    JsonNode receipt = http.postForObject("/api/reports", Map.of(
        "category", "ROAD_DAMAGE", "description", HOSTILE, "wardCode", "19869", "channel", "WEB", "address", HOSTILE,
        "reporter", Map.of("name", NAME, "email", "citizen@example.vn")), JsonNode.class);
    String id = receipt.path("id").asText();
    String token = receipt.path("token").asText();

    // stored as given
    assertThat(jdbc.sql("select description from report where id = ?").param(id).query(String.class).single()).isEqualTo(HOSTILE);
    assertThat(jdbc.sql("select reporter_name from report where id = ?").param(id).query(String.class).single()).isEqualTo(NAME);
    // the API: JSON carries it unchanged
    assertThat(http.getForObject("/api/reports/" + id + "?token=" + token, JsonNode.class).path("description").asText())
        .isEqualTo(HOSTILE);
    // the citizen's page: HTML-escaped
    String page = http.getForObject("/r/" + id + "?token=" + token, String.class);
    assertThat(page).doesNotContain("<script>alert").contains("&lt;script&gt;alert(");
    // the staff's form reads the variable into a text field's value
    String process = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(id)
        .processDefinitionKey(ReportProcess.KEY).singleResult().getId();
    assertThat(runtimeService.getVariable(process, "description")).isEqualTo(HOSTILE);
    // the receipt mail: plain text, as given; the braces in the text are not a template
    String mailBody = (String) runtimeService.getVariable(runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(MailDeliveryProcess.KEY).processInstanceBusinessKey(id).singleResult().getId(),
        MailDeliveryProcess.MAIL_BODY);
    assertThat(mailBody).contains("Nội dung: " + HOSTILE, "Kính gửi " + NAME).doesNotContain("&lt;");

    // Open311 once published: XML-escaped (and read back as given), JSON unchanged
    String verify = taskService.createTaskQuery().processInstanceId(process).singleResult().getId();
    taskService.complete(verify, Map.of("verification", "VALID"));
    String xml = http.getForObject("/open311/v2/requests/" + id + ".xml", String.class);
    assertThat(xml).doesNotContain("<script>").contains("&lt;script>");
    assertThat(xmlText(xml, "description")).isEqualTo(HOSTILE);
    assertThat(http.getForObject("/open311/v2/requests/" + id + ".json", JsonNode.class).get(0).path("description").asText())
        .isEqualTo(HOSTILE);
  }

  private static String xmlText(String xml, String element) throws Exception {
    var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
    var document = factory.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    return document.getElementsByTagName(element).item(0).getTextContent();
  }
}
