package vn.ioc.citizenreports.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import vn.ioc.citizenreports.handling.ReportProcess;

/** Photos and videos sent with a report: checked by content, stored outside the database, never orphaned. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class EvidenceUploadTest {

  private static final Path EVIDENCE = tempDirectory();
  private static final String REPORT = """
      {"category": "ROAD_DAMAGE", "description": "Ổ gà, có ảnh", "wardCode": "19869", "channel": "APP"}""";

  @DynamicPropertySource
  static void evidenceDirectory(DynamicPropertyRegistry registry) {
    registry.add("citizen-reports.evidence.directory", EVIDENCE::toString);
  }

  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtimeService;
  @Autowired JdbcClient jdbc;
  @MockitoSpyBean ReportLifecycle lifecycle;

  @Test
  void photosAreStoredWithTheirChecksumAndOpenForTheCitizenAndForStaff() throws Exception {
    byte[] jpeg = image("jpg");
    byte[] png = image("png");

    ResponseEntity<JsonNode> created = post(REPORT, file("o-ga.jpg", jpeg), file("toan-canh.png", png));

    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String id = created.getBody().path("id").asText();
    String token = created.getBody().path("token").asText();
    assertThat(jdbc.sql("SELECT sha256 FROM evidence WHERE report_id = :id ORDER BY seq").param("id", id).query(String.class).list())
        .containsExactly(TrackingTokens.sha256(jpeg), TrackingTokens.sha256(png));
    ResponseEntity<byte[]> photo = http.getForEntity("/api/reports/" + id + "/evidence/1?token=" + token, byte[].class);
    assertThat(photo.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(photo.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_JPEG);
    assertThat(photo.getBody()).isEqualTo(jpeg);

    // staff see them in their forms, through a key that opens evidence only
    String markdown = (String) runtimeService.getVariable(processOf(id), "evidence");
    assertThat(markdown).startsWith("![Ảnh 1](/api/reports/" + id + "/evidence/1?key=").contains("![Ảnh 2](");
    Matcher key = Pattern.compile("key=([A-Za-z0-9_-]+)").matcher(markdown);
    assertThat(key.find()).isTrue();
    assertThat(http.getForEntity("/api/reports/" + id + "/evidence/2?key=" + key.group(1), byte[].class).getBody()).isEqualTo(png);
    assertThat(http.getForEntity("/api/reports/" + id + "?token=" + key.group(1), String.class).getStatusCode())
        .as("the staff key does not open the report").isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(http.getForEntity("/api/reports/" + id + "/evidence/1?token=wrong", String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void aFileIsJudgedByItsContentNotItsName() {
    long before = reports();

    ResponseEntity<JsonNode> refused = post(REPORT, file("anh.jpg", "không phải ảnh".getBytes()));

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().path("errors").get(0).path("field").asText()).isEqualTo("evidence[1]");
    assertThat(refused.getBody().path("errors").get(0).path("message").asText()).contains("text/plain", "not a photo");
    assertThat(reports()).isEqualTo(before);
  }

  @Test
  void tooManyOrTooLargeFilesAreRefused() throws Exception {
    byte[] jpeg = image("jpg");
    HttpEntity<?>[] six = new HttpEntity<?>[6];
    Arrays.setAll(six, i -> file("anh" + i + ".jpg", jpeg));
    assertThat(post(REPORT, six).getBody().path("errors").get(0).path("message").asText()).contains("at most 5 files");

    byte[] large = Arrays.copyOf(jpeg, 11 * 1024 * 1024);
    ResponseEntity<JsonNode> tooLarge = post(REPORT, file("lon.jpg", large));
    assertThat(tooLarge.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(tooLarge.getBody().path("errors").get(0).path("message").asText()).contains("at most 10 MB");
  }

  @Test
  void malformedMultipartIsABadRequestAndAReportWithoutFilesLeavesNoFolder() {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.CONTENT_TYPE, "multipart/form-data; boundary=xyz");
    ResponseEntity<String> malformed = http.postForEntity("/api/reports", new HttpEntity<>("--xyz\r\nnot a part", headers), String.class);
    assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

    String id = post(REPORT).getBody().path("id").asText();
    assertThat(EVIDENCE.resolve(id)).doesNotExist();
  }

  @Test
  void aFailureAfterTheUploadLeavesNoFileNoReportAndNoProcess() throws Exception {
    long reports = reports();
    long processes = runtimeService.createProcessInstanceQuery().processDefinitionKey(ReportProcess.KEY).count();
    doThrow(new IllegalStateException("engine down")).when(lifecycle).start(any(), any());

    ResponseEntity<String> failed = http.postForEntity("/api/reports", multipart(REPORT, file("o-ga.jpg", image("jpg"))), String.class);

    assertThat(failed.getStatusCode().is5xxServerError()).isTrue();
    assertThat(reports()).isEqualTo(reports);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(ReportProcess.KEY).count()).isEqualTo(processes);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM evidence").query(Long.class).single())
        .isEqualTo(jdbc.sql("SELECT COUNT(*) FROM evidence e JOIN report r ON r.id = e.report_id").query(Long.class).single());
    try (Stream<Path> folders = Files.list(EVIDENCE)) {
      assertThat(folders.map(folder -> folder.getFileName().toString()))
          .as("every evidence folder belongs to a stored report")
          .allMatch(id -> jdbc.sql("SELECT COUNT(*) FROM report WHERE id = :id").param("id", id).query(Long.class).single() == 1);
    }
  }

  private ResponseEntity<JsonNode> post(String report, HttpEntity<?>... files) {
    return http.postForEntity("/api/reports", multipart(report, files), JsonNode.class);
  }

  private static HttpEntity<MultiValueMap<String, Object>> multipart(String report, HttpEntity<?>... files) {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    HttpHeaders json = new HttpHeaders();
    json.setContentType(MediaType.APPLICATION_JSON);
    parts.add("report", new HttpEntity<>(report, json));
    for (HttpEntity<?> file : files) {
      parts.add("evidence", file);
    }
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return new HttpEntity<>(parts, headers);
  }

  private static HttpEntity<ByteArrayResource> file(String name, byte[] content) {
    HttpHeaders headers = new HttpHeaders();
    // what the client claims does not matter
    headers.setContentType(MediaType.IMAGE_JPEG);
    return new HttpEntity<>(new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return name;
      }
    }, headers);
  }

  private static byte[] image(String format) throws IOException {
    BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
    image.setRGB(3, 3, 0xC0392B);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, format, out);
    return out.toByteArray();
  }

  private String processOf(String reportId) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(ReportProcess.KEY)
        .processInstanceBusinessKey(reportId).singleResult().getId();
  }

  private long reports() {
    return jdbc.sql("SELECT COUNT(*) FROM report").query(Long.class).single();
  }

  private static Path tempDirectory() {
    try {
      return Files.createTempDirectory("evidence-test");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
