package vn.ioc.citizenreports.audit;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import vn.ioc.citizenreports.sla.SlaClock;

/** The column headings of the exports, in the language the leader reads the plugin in. */
public enum CsvLanguage {
  VI("Toàn thành phố", "Có", "Không",
      Map.of("ON_TIME", "Đúng hạn", "LATE_WITH_EXTENSION", "Trễ hạn có gia hạn", "LATE", "Trễ hạn",
          "IN_PROGRESS_ON_TIME", "Đang xử lý trong hạn", "IN_PROGRESS_OVERDUE", "Đang xử lý quá hạn",
          "SATISFIED", "Hài lòng", "UNSATISFIED", "Không hài lòng", "NONE", "Không đánh giá"),
      List.of("Mã phản ánh", "Mã đơn vị", "Đơn vị", "Lĩnh vực", "Mã phường/xã", "Thời điểm tiếp nhận", "Hạn xử lý",
          "Được gia hạn", "Mức đôn đốc", "Thời điểm trả lời", "Kết quả", "Số giờ quá hạn", "Đánh giá", "Đang xử lý",
          "Mã tiến trình"),
      List.of("Mã đơn vị", "Đơn vị", "Xếp hạng", "Tiếp nhận", "Đã xử lý", "Tỷ lệ đã xử lý (%)", "Đúng hạn",
          "Trễ hạn có gia hạn", "Trễ hạn", "Đang xử lý trong hạn", "Đang xử lý quá hạn", "Không hợp lệ", "Chờ xác minh",
          "Hài lòng", "Không hài lòng", "Không đánh giá", "Thời gian xử lý trung bình (giờ)",
          "Thời gian xử lý phân vị 90 (giờ)", "Bị phê bình")),
  EN("Whole city", "yes", "no",
      Map.of("ON_TIME", "on time", "LATE_WITH_EXTENSION", "late with extension", "LATE", "late",
          "IN_PROGRESS_ON_TIME", "in progress on time", "IN_PROGRESS_OVERDUE", "in progress overdue",
          "SATISFIED", "satisfied", "UNSATISFIED", "unsatisfied", "NONE", "no rating"),
      List.of("Report", "Unit id", "Unit", "Category", "Ward code", "Received", "Due", "Extended", "Escalation level",
          "Answered", "Outcome", "Hours overdue", "Rating", "Running", "Process instance"),
      List.of("Unit id", "Unit", "Rank", "Received", "Processed", "Processed (%)", "On time", "Late with extension",
          "Late", "In progress on time", "In progress overdue", "Ineligible", "Awaiting verification", "Satisfied",
          "Unsatisfied", "No rating", "Average handling (hours)", "90th percentile handling (hours)", "Reprimands"));

  /** Times as people in Huế read them, whatever the server's zone. */
  private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(SlaClock.VIETNAM);

  private final String city;
  private final String yes;
  private final String no;
  private final Map<String, String> words;
  private final List<String> caseHeader;
  private final List<String> scorecardHeader;

  CsvLanguage(String city, String yes, String no, Map<String, String> words, List<String> caseHeader,
      List<String> scorecardHeader) {
    this.city = city;
    this.yes = yes;
    this.no = no;
    this.words = words;
    this.caseHeader = caseHeader;
    this.scorecardHeader = scorecardHeader;
  }

  /** {@code vi} or {@code en} (the default). */
  public static CsvLanguage of(String code) {
    if (code == null || code.isBlank()) {
      return EN;
    }
    return switch (code.strip().toLowerCase(Locale.ROOT)) {
      case "vi" -> VI;
      case "en" -> EN;
      default -> throw new IllegalArgumentException("lang: vi or en, not '" + code + "'");
    };
  }

  String city() {
    return city;
  }

  /** An outcome or rating code in words; null stays empty. */
  String word(String code) {
    return code == null ? null : words.getOrDefault(code, code);
  }

  String yesNo(boolean value) {
    return value ? yes : no;
  }

  /** An ISO instant as Huế's local time; null stays empty. */
  static String localTime(String isoInstant) {
    return isoInstant == null ? null : LOCAL_TIME.format(Instant.parse(isoInstant));
  }

  List<String> caseHeader() {
    return caseHeader;
  }

  List<String> scorecardHeader() {
    return scorecardHeader;
  }
}
