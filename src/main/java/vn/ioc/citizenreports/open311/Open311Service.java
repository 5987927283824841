package vn.ioc.citizenreports.open311;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ioc.citizenreports.notification.NotificationProperties;
import vn.ioc.citizenreports.open311.Open311Model.Attribute;
import vn.ioc.citizenreports.open311.Open311Model.AttributeValue;
import vn.ioc.citizenreports.open311.Open311Model.Created;
import vn.ioc.citizenreports.open311.Open311Model.Discovery;
import vn.ioc.citizenreports.open311.Open311Model.Endpoint;
import vn.ioc.citizenreports.open311.Open311Model.ServiceDefinition;
import vn.ioc.citizenreports.open311.Open311Model.ServiceRequest;
import vn.ioc.citizenreports.reference.Category;
import vn.ioc.citizenreports.reference.ReferenceData;
import vn.ioc.citizenreports.report.InvalidReportException;
import vn.ioc.citizenreports.report.PublicReport;
import vn.ioc.citizenreports.report.Receipt;
import vn.ioc.citizenreports.report.ReportIntakeService;
import vn.ioc.citizenreports.report.ReportSubmission;
import vn.ioc.citizenreports.report.ReportTracking;
import vn.ioc.citizenreports.report.Reporter;
import vn.ioc.citizenreports.report.TrackingTokens;

/** Open311 GeoReport v2 on top of the same intake and tracking as the JSON API. */
@Service
class Open311Service {

  static final Duration DEFAULT_WINDOW = Duration.ofDays(90);
  static final int MAX_RESULTS = 1000;
  private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final DateTimeFormatter W3C = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
  private static final Map<String, String> STATUS_NOTES = Map.of(
      "IN_PROGRESS", "Đang xử lý",
      "AWAITING_RATING", "Đã có kết quả, chờ người dân đánh giá",
      "CLOSED", "Đã đóng");
  private static final List<AttributeValue> SCOPE = List.of(
      new AttributeValue("HOUSE", "Một hộ"), new AttributeValue("STREET", "Cả tuyến phố"), new AttributeValue("AREA", "Cả khu vực"));
  /** Categories that ask more than the common fields. */
  private static final Map<String, List<Attribute>> ATTRIBUTES = Map.of(
      "WATER_SUPPLY", List.of(new Attribute(true, "scope", "singlevaluelist", true, "Một giá trị", 1, "Phạm vi mất nước", SCOPE)),
      "POWER_SUPPLY", List.of(new Attribute(true, "scope", "singlevaluelist", true, "Một giá trị", 1, "Phạm vi mất điện", SCOPE)),
      "TRAFFIC_VIOLATION", List.of(new Attribute(true, "plate", "string", false, "Biển số xe", 1, "Biển số xe vi phạm", List.of())));

  private final ReferenceData reference;
  private final ReportIntakeService intake;
  private final ReportTracking tracking;
  private final PartnerApiKeys keys;
  private final JdbcClient jdbc;
  private final NotificationProperties properties;

  private final TransactionTemplate transaction;

  Open311Service(ReferenceData reference, ReportIntakeService intake, ReportTracking tracking, PartnerApiKeys keys,
      JdbcClient jdbc, NotificationProperties properties, PlatformTransactionManager transactions) {
    this.transaction = new TransactionTemplate(transactions);
    this.reference = reference;
    this.intake = intake;
    this.tracking = tracking;
    this.keys = keys;
    this.jdbc = jdbc;
    this.properties = properties;
  }

  /** An Open311 error: the HTTP status and the specification's code + description. */
  static class Open311Exception extends RuntimeException {
    final int status;
    final List<Open311Model.Error> errors;

    Open311Exception(int status, List<Open311Model.Error> errors) {
      super(errors.toString());
      this.status = status;
      this.errors = errors;
    }

    static Open311Exception of(int status, String description) {
      return new Open311Exception(status, List.of(new Open311Model.Error(String.valueOf(status), description)));
    }
  }

  Discovery discovery() {
    return new Discovery("2026-11-22T00:00:00+07:00", "Trung tâm Giám sát, điều hành đô thị thông minh (IOC)",
        "Liên hệ Trung tâm IOC để được cấp api_key", List.of(new Endpoint("http://wiki.open311.org/GeoReport_v2",
            properties.publicBaseUrl() + "/open311/v2", "2026-11-22T00:00:00+07:00", "production",
            List.of("application/json", "text/xml"))));
  }

  List<Open311Model.Service> services() {
    return reference.categories().stream().map(c -> new Open311Model.Service(c.code(), c.nameVi(), c.nameEn(),
        ATTRIBUTES.containsKey(c.code()), "realtime", c.nameEn(), c.field())).toList();
  }

  ServiceDefinition definition(String serviceCode) {
    category(serviceCode);
    return new ServiceDefinition(serviceCode, ATTRIBUTES.getOrDefault(serviceCode, List.of()));
  }

  /** POST requests: a report from a partner's app, form fields as the specification names them. */
  Created create(Map<String, String> form) {
    if (!keys.isValid(form.get("api_key"))) {
      throw Open311Exception.of(403, "api_key is missing or not valid");
    }
    String serviceCode = form.get("service_code");
    if (serviceCode == null || serviceCode.isBlank()) {
      throw Open311Exception.of(400, "service_code is required");
    }
    Category category = category(serviceCode);
    if (form.get("lat") == null && form.get("ward_code") == null) {
      throw Open311Exception.of(400, "lat and long are required (an address alone is not located here)");
    }
    String name = (nonBlank(form.get("first_name")) + " " + nonBlank(form.get("last_name"))).strip();
    ReportSubmission submission = new ReportSubmission(serviceCode,
        describe(category, form),
        form.get("ward_code"),
        form.get("address_string"),
        number(form, "lat"), number(form, "long"),
        "APP",
        new Reporter(name.isEmpty() ? null : name, form.get("phone"), form.get("email")));
    String token = UUID.randomUUID().toString();
    try {
      // the report, its process and the token: all, or nothing
      return transaction.execute(tx -> {
        Receipt receipt = intake.submit(submission);
        jdbc.sql("INSERT INTO open311_token (token_hash, report_id) VALUES (:hash, :id)")
            .param("hash", TrackingTokens.sha256(token)).param("id", receipt.id()).update();
        return new Created(receipt.id(), token, "Trung tâm IOC sẽ xác minh và chuyển đơn vị xử lý", null);
      });
    } catch (InvalidReportException e) {
      throw new Open311Exception(400, e.problems().stream()
          .map(p -> new Open311Model.Error("400", open311Field(p.field()) + ": " + p.message())).toList());
    }
  }

  Optional<String> requestOfToken(String token) {
    return jdbc.sql("SELECT report_id FROM open311_token WHERE token_hash = :hash")
        .param("hash", TrackingTokens.sha256(token)).query(String.class).optional();
  }

  ServiceRequest request(String id) {
    return tracking.published(id).map(this::toRequest)
        .orElseThrow(() -> Open311Exception.of(404, "service request " + id + " not found"));
  }

  /** GET requests: by ids, or by a period (90 days by default), service codes and status; 1,000 at most. */
  List<ServiceRequest> requests(Map<String, String> query) {
    String ids = query.get("service_request_id");
    List<PublicReport> found;
    if (ids != null && !ids.isBlank()) {
      found = new ArrayList<>();
      for (String id : ids.split(",")) {
        tracking.published(id.strip()).ifPresent(found::add);
      }
    } else {
      Instant end = date(query, "end_date").orElse(Instant.now());
      Instant start = date(query, "start_date").orElse(end.minus(DEFAULT_WINDOW));
      if (!start.isBefore(end)) {
        throw Open311Exception.of(400, "start_date must be before end_date");
      }
      List<String> codes = query.get("service_code") == null ? List.of()
          : List.of(query.get("service_code").split(",")).stream().map(String::strip).toList();
      codes.forEach(this::category);
      found = tracking.published(start, end, codes, MAX_RESULTS);
    }
    List<String> statuses = query.get("status") == null ? List.of("open", "closed")
        : List.of(query.get("status").split(",")).stream().map(String::strip).toList();
    if (!List.of("open", "closed").containsAll(statuses)) {
      throw Open311Exception.of(400, "status must be open or closed");
    }
    return found.stream().map(this::toRequest).filter(r -> statuses.contains(r.status()))
        .limit(MAX_RESULTS).toList();
  }

  private ServiceRequest toRequest(PublicReport report) {
    Instant updated = report.timeline().stream().map(PublicReport.Step::at).max(Comparator.naturalOrder())
        .orElse(report.submittedAt());
    return new ServiceRequest(report.id(),
        "CLOSED".equals(report.state()) ? "closed" : "open",
        STATUS_NOTES.getOrDefault(report.state(), report.state()),
        report.categoryName(), report.category(), report.description(), report.unitName(), null,
        report.address(), null, null, report.latitude(), report.longitude(), null,
        w3c(report.submittedAt()), w3c(updated), w3c(report.dueAt()));
  }

  private Category category(String serviceCode) {
    return reference.category(serviceCode)
        .orElseThrow(() -> Open311Exception.of(404, "service_code " + serviceCode + " not found"));
  }

  private String describe(Category category, Map<String, String> form) {
    StringBuilder text = new StringBuilder(form.get("description") == null || form.get("description").isBlank()
        ? category.nameVi() : form.get("description").strip());
    for (Attribute attribute : ATTRIBUTES.getOrDefault(category.code(), List.of())) {
      String value = form.get("attribute[" + attribute.code() + "]");
      if (value == null || value.isBlank()) {
        if (attribute.required()) {
          throw Open311Exception.of(400, "attribute[" + attribute.code() + "] is required");
        }
        continue;
      }
      String shown = attribute.values().isEmpty() ? value : attribute.values().stream()
          .filter(v -> v.key().equals(value)).map(AttributeValue::name).findFirst()
          .orElseThrow(() -> Open311Exception.of(400, "attribute[" + attribute.code() + "] must be one of "
              + attribute.values().stream().map(AttributeValue::key).collect(Collectors.joining(", "))));
      text.append("\n").append(attribute.description()).append(": ").append(shown);
    }
    return text.toString();
  }

  private static Double number(Map<String, String> form, String name) {
    String value = form.get(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Double.valueOf(value.strip());
    } catch (NumberFormatException e) {
      throw Open311Exception.of(400, name + " must be a number");
    }
  }

  private static Optional<Instant> date(Map<String, String> query, String name) {
    String value = query.get(name);
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(value.strip()).toInstant());
    } catch (DateTimeParseException e) {
      throw Open311Exception.of(400, name + " must be a W3C date-time, e.g. 2026-03-01T00:00:00+07:00");
    }
  }

  private static String open311Field(String field) {
    return switch (field) {
      case "category" -> "service_code";
      case "latitude" -> "lat";
      case "longitude" -> "long";
      case "address" -> "address_string";
      case "reporter.email" -> "email";
      case "reporter.phone" -> "phone";
      case "reporter.name" -> "first_name";
      case "wardCode" -> "ward_code";
      default -> field;
    };
  }

  private static String w3c(Instant instant) {
    return instant == null ? null : W3C.format(instant.atZone(VIETNAM).toOffsetDateTime());
  }

  private static String nonBlank(String value) {
    return value == null ? "" : value.strip();
  }
}
