package vn.ioc.citizenreports.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import vn.ioc.citizenreports.testing.HttpJson;

/**
 * Tasklist in Vietnamese: our vi.json and config.js are what the running application serves
 * (the project's classes come before the webjar on the classpath), and vi.json translates every
 * label of Camunda's en.json without losing a placeholder or a tag.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class TasklistLocaleTest {

  private static final String TASKLIST = "/camunda/app/tasklist/";
  private static final String WEBJAR_EN = "META-INF/resources/webjars/camunda/app/tasklist/locales/en.json";

  /** Labels that read the same in Vietnamese: product names, the engine's type names, symbols. */
  private static final Set<String> SAME_IN_BOTH = Set.of(
      "Camunda", "Cockpit", "Tasklist", "Admin",
      "Boolean", "Double", "Integer", "Long", "Short", "String", "<null>",
      "<", "<=", ">", ">=", "");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}|%[sd]");
  private static final Pattern TAG = Pattern.compile("</?(?:a|b|br|em|i|strong|code|span|p)\\b[^>]*>");

  @Autowired TestRestTemplate http;

  @Test
  void viTranslatesEveryLabelOfEnKeepingPlaceholdersAndTags() throws Exception {
    JsonNode en = webjarEn();
    JsonNode vi = served("locales/vi.json");

    List<String> enKeys = fieldNames(en.path("labels"));
    assertThat(fieldNames(vi.path("labels"))).containsExactlyElementsOf(enKeys);
    for (String key : enKeys) {
      String english = en.path("labels").path(key).asText();
      String vietnamese = vi.path("labels").path(key).asText();
      assertThat(all(PLACEHOLDER, vietnamese)).as("placeholders of %s", key).isEqualTo(all(PLACEHOLDER, english));
      assertThat(all(TAG, vietnamese)).as("markup of %s", key).isEqualTo(all(TAG, english));
      if (vietnamese.equals(english)) {
        assertThat(SAME_IN_BOTH).as("%s is left in English: \"%s\"", key, english).contains(english);
      }
      assertThat(vietnamese.isBlank()).as("%s is empty", key).isEqualTo(english.isBlank());
    }
  }

  @Test
  void viHasEveryDateSettingOfEn() throws Exception {
    JsonNode en = webjarEn().path("dateLocales");
    JsonNode vi = served("locales/vi.json").path("dateLocales");

    assertSameShape("dateLocales", en, vi);
    assertThat(vi.path("months").get(0).asText()).isEqualTo("tháng 1");
    assertThat(vi.path("weekdays").get(1).asText()).isEqualTo("thứ hai");
    assertThat(vi.path("longDateFormat").path("L").asText()).isEqualTo("DD/MM/YYYY");
    assertThat(vi.path("week").path("dow").asInt()).isEqualTo(1);
  }

  @Test
  void configOffersVietnameseAndFallsBackToEnglish() {
    ResponseEntity<byte[]> response = http.getForEntity(TASKLIST + "scripts/config.js", byte[].class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    // Tasklist loads it with import(): a module needs a JavaScript content type
    assertThat(response.getHeaders().getContentType().toString()).contains("javascript");
    String config = new String(response.getBody(), StandardCharsets.UTF_8)
        .replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)^\\s*//.*$", "");

    Matcher available = Pattern.compile("availableLocales:\\s*\\[([^]]*)]").matcher(config);
    assertThat(available.find()).as("availableLocales in\n%s", config).isTrue();
    assertThat(available.group(1).split(",")).extracting(s -> s.trim().replaceAll("['\"]", ""))
        .containsExactlyInAnyOrder("vi", "en");
    assertThat(config).containsPattern("fallbackLocale:\\s*['\"]en['\"]");
    assertThat(config).contains("claimTask", "ctrl+alt+c", "startProcess", "ctrl+alt+p");
  }

  private JsonNode served(String path) {
    ResponseEntity<byte[]> response = http.getForEntity(TASKLIST + path, byte[].class);
    assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
    byte[] body = response.getBody();
    assertThat(body[0]).as("%s starts without a byte order mark", path).isEqualTo((byte) '{');
    return HttpJson.read(new String(body, StandardCharsets.UTF_8));
  }

  private static JsonNode webjarEn() throws Exception {
    String en = new ClassPathResource(WEBJAR_EN).getContentAsString(StandardCharsets.UTF_8);
    return HttpJson.read(en.startsWith("\uFEFF") ? en.substring(1) : en);
  }

  /** The same object keys and array lengths, and the same %s/%d in every text. */
  private static void assertSameShape(String path, JsonNode en, JsonNode vi) {
    if (en.isObject()) {
      assertThat(fieldNames(vi)).as(path).containsAll(fieldNames(en));
      en.fieldNames().forEachRemaining(name -> assertSameShape(path + "." + name, en.get(name), vi.get(name)));
    } else if (en.isArray()) {
      assertThat(vi.size()).as(path).isEqualTo(en.size());
      for (int i = 0; i < en.size(); i++) {
        assertSameShape(path + "[" + i + "]", en.get(i), vi.get(i));
      }
    } else {
      assertThat(vi.getNodeType()).as(path).isEqualTo(en.getNodeType());
      assertThat(all(PLACEHOLDER, vi.asText())).as(path).isEqualTo(all(PLACEHOLDER, en.asText()));
    }
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static List<String> all(Pattern pattern, String text) {
    List<String> found = new ArrayList<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group());
    }
    return found.stream().sorted().toList();
  }
}
