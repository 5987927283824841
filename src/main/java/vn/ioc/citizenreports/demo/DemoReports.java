package vn.ioc.citizenreports.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Random;
import vn.ioc.citizenreports.sla.SlaClock;

/** What the demo history's citizens report, from where, when and how: a plausible mix for Huế. */
final class DemoReports {

  /** A category with how often it comes, relative to the others, and what citizens write about it. */
  private record Kind(String category, int weight, List<String> descriptions) {
  }

  private static final List<Kind> KINDS = List.of(
      new Kind("ROAD_DAMAGE", 18, List.of("Ổ gà lớn giữa đường, xe máy dễ té ngã",
          "Mặt đường bị lún sụt sau mưa lớn", "Nắp hố ga bị vỡ, nguy hiểm cho người đi đường")),
      new Kind("WASTE", 16, List.of("Rác thải tập kết sai quy định, bốc mùi hôi",
          "Xe thu gom rác không đến nhiều ngày", "Có người đổ xà bần ra bờ sông")),
      new Kind("STREET_LIGHTING", 10, List.of("Đèn đường không sáng cả dãy, rất tối",
          "Trụ đèn chiếu sáng bị nghiêng sau bão")),
      new Kind("DRAINAGE_FLOODING", 10, List.of("Cống thoát nước bị tắc, mưa là ngập",
          "Nước ngập sâu trước trường học sau cơn mưa")),
      new Kind("TREES", 8, List.of("Cây xanh gãy đổ chắn lối đi", "Cành cây lớn có nguy cơ gãy, đề nghị cắt tỉa")),
      new Kind("SIDEWALK_ENCROACHMENT", 8, List.of("Quán lấn chiếm vỉa hè, người đi bộ phải xuống lòng đường",
          "Xe ô tô đỗ trên vỉa hè thường xuyên")),
      new Kind("POWER_SUPPLY", 6, List.of("Dây điện võng thấp qua đường", "Mất điện thường xuyên vào buổi tối")),
      new Kind("WATER_SUPPLY", 6, List.of("Đường ống nước bị vỡ, nước chảy lênh láng", "Nước máy có màu đục")),
      new Kind("NOISE", 5, List.of("Hát karaoke gây ồn sau 22 giờ", "Công trình thi công ồn ào ban đêm")),
      new Kind("ILLEGAL_CONSTRUCTION", 5, List.of("Xây dựng lấn chiếm hành lang thoát lũ",
          "Công trình xây dựng không có giấy phép")),
      new Kind("POLLUTION", 4, List.of("Khói bụi từ xưởng sản xuất gây ô nhiễm", "Nước thải chảy ra sông Hương")),
      new Kind("PUBLIC_ORDER", 4, List.of("Tụ tập đua xe vào ban đêm", "Người bán hàng rong chèo kéo du khách")),
      new Kind("TRAFFIC_SIGNAL", 3, List.of("Đèn tín hiệu giao thông tại ngã tư không hoạt động")),
      new Kind("TELECOM_CABLES", 3, List.of("Dây cáp viễn thông chằng chịt, rơi xuống đường")),
      new Kind("HERITAGE_DAMAGE", 2, List.of("Tường thành cổ bị xuống cấp, có vết nứt")),
      new Kind("BUS_SERVICE", 2, List.of("Xe buýt không dừng đón khách tại trạm")));
  private static final int TOTAL_WEIGHT = KINDS.stream().mapToInt(Kind::weight).sum();

  private static final List<String> WARDS = List.of("19754", "19869", "19741", "19742", "19743", "19744", "19745",
      "19746", "19747", "19748", "19750", "19753", "19756", "19757", "19759", "19760", "19763", "19766", "19768",
      "19771");
  private static final List<String> STREETS = List.of("Lê Lợi", "Trần Hưng Đạo", "Hùng Vương", "Nguyễn Huệ",
      "Lý Thường Kiệt", "Điện Biên Phủ", "Bà Triệu", "Đống Đa", "Phan Đình Phùng", "Nguyễn Trãi", "Chi Lăng",
      "Đinh Tiên Hoàng", "Mai Thúc Loan", "Tố Hữu", "Võ Văn Kiệt");
  private static final List<String> NAMES = List.of("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường",
      "Phạm Thị Dung", "Hoàng Văn Em", "Huỳnh Thị Giang", "Phan Văn Hải", "Võ Thị Hoa", "Đặng Văn Khoa",
      "Bùi Thị Lan", "Đỗ Văn Minh", "Hồ Thị Ngọc", "Ngô Văn Phúc", "Dương Thị Quỳnh", "Lý Văn Sơn");
  private static final List<String> ANSWERS = List.of("Đơn vị đã cử cán bộ kiểm tra và xử lý xong.",
      "Đã khắc phục, hiện trạng đã được hoàn trả như ban đầu.",
      "Đã phối hợp với UBND phường xử lý dứt điểm, sẽ tiếp tục theo dõi.",
      "Đã lập biên bản và yêu cầu chủ sở hữu khắc phục; đã kiểm tra lại đạt yêu cầu.");

  /** Channels as Hue-S sees them: mostly the app, then Zalo, the hotline and the web. */
  private static final List<String> CHANNELS = List.of("APP", "APP", "APP", "APP", "APP", "APP", "APP", "APP",
      "APP", "APP", "ZALO", "ZALO", "ZALO", "HOTLINE", "HOTLINE", "WEB", "WEB", "EMAIL", "FACEBOOK");

  private static final int FIRST_HOUR = 6;
  private static final int WAKING_HOURS = 16;

  private DemoReports() {
  }

  /** A report as a citizen writes it. */
  record Draft(String category, String description, String wardCode, String address, String channel,
      String reporterName) {
  }

  static Draft draft(Random random) {
    int roll = random.nextInt(TOTAL_WEIGHT);
    Kind kind = KINDS.get(0);
    for (Kind candidate : KINDS) {
      roll -= candidate.weight();
      if (roll < 0) {
        kind = candidate;
        break;
      }
    }
    return new Draft(kind.category(), pick(random, kind.descriptions()), pick(random, WARDS),
        (1 + random.nextInt(200)) + " " + pick(random, STREETS), pick(random, CHANNELS), pick(random, NAMES));
  }

  /** A moment in [start, end) when people are awake (6:00 to 22:00 in Huế). */
  static Instant receivedAt(Random random, Instant start, Instant end) {
    Instant day = start.plusSeconds((long) (random.nextDouble() * Duration.between(start, end).toSeconds()));
    ZonedDateTime local = day.atZone(SlaClock.VIETNAM).withHour(FIRST_HOUR + random.nextInt(WAKING_HOURS))
        .withMinute(random.nextInt(60)).withSecond(random.nextInt(60));
    Instant at = local.toInstant();
    return at.isBefore(end) ? at : end.minusSeconds(60 + random.nextInt(3600));
  }

  static String answer(Random random) {
    return pick(random, ANSWERS);
  }

  static Duration hours(Random random, double from, double to) {
    return Duration.ofSeconds((long) ((from + random.nextDouble() * (to - from)) * 3600));
  }

  static String pick(Random random, String... values) {
    return values[random.nextInt(values.length)];
  }

  static String pick(Random random, List<String> values) {
    return values.get(random.nextInt(values.size()));
  }
}
