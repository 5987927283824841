package vn.ioc.citizenreports.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.ioc.citizenreports.CitizenReportsApplication;
import vn.ioc.citizenreports.testing.HttpJson;

/**
 * Thousands of generated bad inputs against the public JSON API and Open311, over real HTTP:
 * malformed and mistyped JSON, wrong fields, odd query strings, broken multipart and form posts.
 * No answer is a 5xx, and nothing but a valid report is ever stored: every stored report reads
 * back exactly as it was sent.
 */
class PublicApiFuzzTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static ConfigurableApplicationContext application;
  private static String base;
  private static JdbcClient jdbc;

  @BeforeContainer
  static void startTheApplication() {
    application = new SpringApplicationBuilder(CitizenReportsApplication.class)
        .profiles("test", "demo")
        .properties("server.port=0", "management.server.port=0", "camunda.bpm.job-execution.enabled=false")
        .run();
    base = "http://127.0.0.1:" + ((WebServerApplicationContext) application).getWebServer().getPort();
    jdbc = application.getBean(JdbcClient.class);
  }

  @AfterContainer
  static void stopTheApplication() {
    application.close();
  }

  // ------------------------------------------------------------------ JSON API

  @Property(tries = 1000)
  void anyBodyPostedAsJsonIsAnsweredWithoutAServerError(@ForAll("jsonishText") String body) {
    long before = reports();
    expectNoServerErrorAndNoGarbage(post("/api/reports", "application/json", body), body, before);
  }

  @Property(tries = 1000)
  void reportsWithWrongFieldsAreRefusedOrStoredExactly(@ForAll("reportObjects") Map<String, Object> report) {
    String body = HttpJson.write(report);
    long before = reports();
    expectNoServerErrorAndNoGarbage(post("/api/reports", "application/json", body), body, before);
  }

  @Property(tries = 300)
  void trackingAndRatingWithOddIdsTokensAndBodies(@ForAll("oddText") String id, @ForAll("oddText") String token,
      @ForAll("jsonishText") String rating) {
    assertNoServerError(get("/api/reports/" + encodePath(id) + "?token=" + encode(token)));
    assertNoServerError(post("/api/reports/" + encodePath(id) + "/rating?token=" + encode(token), "application/json", rating));
    assertNoServerError(get("/api/reports/" + encodePath(id) + "/evidence/" + encodePath(token) + "?key=" + encode(token)));
    assertNoServerError(get("/api/wards?districtCode=" + encode(token)));
    assertNoServerError(post("/r/" + encodePath(id) + "/rating?token=" + encode(token), "application/x-www-form-urlencoded",
        "rating=" + encode(rating)));
    assertNoServerError(post("/open311/v2/requests.xml", "application/xml", "<service_request>" + rating + "</service_request>"));
  }

  @Property(tries = 200)
  void brokenMultipartIsRefused(@ForAll("boundaries") String boundary, @ForAll("jsonishText") String part) {
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"report\"\r\n"
        + "Content-Type: application/json\r\n\r\n" + part + "\r\n--" + boundary.substring(0, boundary.length() / 2);
    long before = reports();
    HttpResponse<String> response = post("/api/reports", "multipart/form-data; boundary=" + boundary, body);
    assertNoServerError(response);
    if (response.statusCode() != 201) {
      assertThat(reports()).isEqualTo(before);
    }
  }

  // ------------------------------------------------------------------ Open311

  @Property(tries = 500)
  void open311PostsWithAnyFieldsAreAnsweredWithoutAServerError(@ForAll("open311Forms") Map<String, String> form,
      @ForAll("formats") String format) {
    long before = reports();
    HttpResponse<String> response = post("/open311/v2/requests." + format, "application/x-www-form-urlencoded", formBody(form));
    assertNoServerError(response);
    if (response.statusCode() >= 400) {
      assertThat(reports()).as("refused, nothing stored").isEqualTo(before);
    }
  }

  @Property(tries = 500)
  void open311QueriesWithAnyParametersAreAnsweredWithoutAServerError(@ForAll("open311Queries") Map<String, String> query,
      @ForAll("formats") String format, @ForAll("oddText") String id) {
    assertNoServerError(get("/open311/v2/requests." + format + "?" + formBody(query)));
    assertNoServerError(get("/open311/v2/requests/" + encodePath(id) + "." + format));
    assertNoServerError(get("/open311/v2/services/" + encodePath(id) + "." + format));
    assertNoServerError(get("/open311/v2/tokens/" + encodePath(id) + "." + format));
  }

  /** Found by this test: a control character in a request id made the XML error document fail. */
  @Example
  void aControlCharacterInAnIdIsAnXmlNotFound() {
    HttpResponse<String> response = get("/open311/v2/requests/%01.xml");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).startsWith("<?xml").contains("<code>404</code>", "\uFFFD");
  }

  // ------------------------------------------------------------------ checks

  private static void expectNoServerErrorAndNoGarbage(HttpResponse<String> response, String sent, long reportsBefore) {
    assertNoServerError(response);
    if (response.statusCode() != 201) {
      assertThat(reports()).as("refused, nothing stored").isEqualTo(reportsBefore);
    } else {
      // accepted: it must be a report that reads back as it was sent
      JsonNode receipt = HttpJson.read(response.body());
      String tracking = "/api/reports/" + receipt.path("id").asText() + "?token=" + receipt.path("token").asText();
      JsonNode stored = HttpJson.read(get(tracking).body());
      assertThat(stored.path("description").asText()).isEqualTo(HttpJson.read(sent).path("description").asText());
      assertThat(stored.path("category").asText()).isEqualTo(HttpJson.read(sent).path("category").asText());
    }
  }

  private static void assertNoServerError(HttpResponse<String> response) {
    assertThat(response.statusCode()).as("%s %s answered %s", response.request().method(), response.request().uri(), response.body())
        .isLessThan(500);
  }

  private static long reports() {
    return jdbc.sql("select count(*) from report").query(Long.class).single();
  }

  // ------------------------------------------------------------------ generators

  @Provide
  Arbitrary<String> oddText() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMinLength(1).ofMaxLength(60),
        Arbitraries.of("PA-2026-000001", "PA-0000-000000", "../../etc/passwd", "%00", "' or 1=1 --", "<script>",
            "PA-2026-9999999999", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "a\u0000b", " ", "NaN", "-1", "1e309"));
  }

  /** Anything a header may carry: RFC 2046's boundary characters and some it does not allow. */
  @Provide
  Arbitrary<String> boundaries() {
    return Arbitraries.strings().withChars("abcXYZ0123456789'()+_,-./:=?\";").ofMinLength(1).ofMaxLength(80);
  }

  @Provide
  Arbitrary<String> jsonishText() {
    Arbitrary<String> fragments = Arbitraries.of("{", "}", "[", "]", ":", ",", "\"", "null", "true", "1e999", "-0",
        "\"category\"", "\"description\"", "\"wardCode\"", "\"reporter\"", "\\u0000", "\\ud800", "💥", "\"WASTE\"");
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(200),
        fragments.list().ofMaxSize(30).map(parts -> String.join("", parts)),
        Arbitraries.of("", "{}", "[]", "null", "\"text\"", "{\"category\": {\"$gt\": \"\"}}", "{\"a\":" .repeat(300)));
  }

  @Provide
  Arbitrary<Map<String, Object>> reportObjects() {
    Arbitrary<Object> anyValue = Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(50).map(value -> (Object) value),
        Arbitraries.of("WASTE", "ROAD_DAMAGE", "19754", "19869", "WEB", "APP", "", " ").map(value -> (Object) value),
        Arbitraries.doubles().map(value -> (Object) value),
        Arbitraries.integers().map(value -> (Object) value),
        Arbitraries.of(true, false).map(value -> (Object) value),
        Arbitraries.just(List.of(1, "two")).map(value -> (Object) value),
        Arbitraries.just(Map.of("nested", "object")).map(value -> (Object) value),
        Arbitraries.strings().ofLength(5000).map(value -> (Object) value));
    Arbitrary<String> field = Arbitraries.of("category", "description", "wardCode", "address", "latitude", "longitude",
        "channel", "reporter", "priority", "id", "status", "");
    return Combinators.combine(field.list().ofMaxSize(8), anyValue.list().ofSize(8)).as((fields, values) -> {
      Map<String, Object> report = new LinkedHashMap<>();
      for (int i = 0; i < fields.size(); i++) {
        report.put(fields.get(i), values.get(i));
      }
      return report;
    });
  }

  @Provide
  Arbitrary<Map<String, String>> open311Forms() {
    return parameters("api_key", "service_code", "lat", "long", "address_string", "address_id", "description", "email",
        "first_name", "last_name", "phone", "media_url", "jurisdiction_id", "device_id", "attribute[x]");
  }

  @Provide
  Arbitrary<Map<String, String>> open311Queries() {
    return parameters("service_request_id", "service_code", "start_date", "end_date", "status", "jurisdiction_id", "page");
  }

  @Provide
  Arbitrary<String> formats() {
    return Arbitraries.of("json", "xml", "html", "JSON", "", "json.xml");
  }

  private static Arbitrary<Map<String, String>> parameters(String... names) {
    Arbitrary<String> value = Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(40),
        Arbitraries.of("demo", "WASTE", "16.46", "107.59", "999", "-91", "2026-13-45T25:61:00Z", "open", "closed", "0"));
    return Arbitraries.maps(Arbitraries.of(names), value).ofMaxSize(names.length);
  }

  // ------------------------------------------------------------------ HTTP

  private static HttpResponse<String> post(String path, String contentType, String body) {
    return HttpJson.send(HTTP, HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  private static HttpResponse<String> get(String path) {
    return HttpJson.send(HTTP, HttpRequest.newBuilder(URI.create(base + path)).GET().build());
  }

  private static String formBody(Map<String, String> form) {
    return form.entrySet().stream().map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
        .collect(Collectors.joining("&"));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String encodePath(String value) {
    return encode(value).replace("+", "%20");
  }

}
