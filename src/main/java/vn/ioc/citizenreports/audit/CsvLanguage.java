package vn.ioc.citizenreports.audit;

import java.util.List;
import java.util.Locale;

/** The column headings of the exports, in the language the leader reads the plugin in. */
public enum CsvLanguage {
  VI("Toàn thành phố",
      List.of("Mã phản ánh", "Mã đơn vị", "Đơn vị", "Lĩnh vực", "Mã phường/xã", "Thời điểm tiếp nhận", "Hạn xử lý",
          "Được gia hạn", "Mức đôn đốc", "Thời điểm trả lời", "Kết quả", "Số giờ quá hạn", "Đánh giá", "Đang xử lý",
          "Mã tiến trình"),
      List.of("Mã đơn vị", "Đơn vị", "Xếp hạng", "Tiếp nhận", "Đã xử lý", "Tỷ lệ đã xử lý (%)", "Đúng hạn",
          "Trễ hạn có gia hạn", "Trễ hạn", "Đang xử lý trong hạn", "Đang xử lý quá hạn", "Không hợp lệ", "Chờ xác minh",
          "Hài lòng", "Không hài lòng", "Không đánh giá", "Thời gian xử lý trung bình (giờ)",
          "Thời gian xử lý phân vị 90 (giờ)", "Bị phê bình")),
  EN("Whole city",
      List.of("Report", "Unit id", "Unit", "Category", "Ward code", "Received", "Due", "Extended", "Escalation level",
          "Answered", "Outcome", "Hours overdue", "Rating", "Running", "Process instance"),
      List.of("Unit id", "Unit", "Rank", "Received", "Processed", "Processed (%)", "On time", "Late with extension",
          "Late", "In progress on time", "In progress overdue", "Ineligible", "Awaiting verification", "Satisfied",
          "Unsatisfied", "No rating", "Average handling (hours)", "90th percentile handling (hours)", "Reprimands"));

  private final String city;
  private final List<String> caseHeader;
  private final List<String> scorecardHeader;

  CsvLanguage(String city, List<String> caseHeader, List<String> scorecardHeader) {
    this.city = city;
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

  List<String> caseHeader() {
    return caseHeader;
  }

  List<String> scorecardHeader() {
    return scorecardHeader;
  }
}
