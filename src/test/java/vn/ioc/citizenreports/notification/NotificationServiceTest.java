package vn.ioc.citizenreports.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.ioc.citizenreports.routing.UnitRegistry;

class NotificationServiceTest {

  private final List<MailMessage> outbox = new ArrayList<>();
  private final NotificationService notifications = new NotificationService(
      (reference, notification, message) -> outbox.add(message), new UnitRegistry(),
      new NotificationProperties("ioc@hue.gov.vn", "lanhdao@hue.gov.vn", "https://phananh.hue.gov.vn"));

  @Test
  void aUnitNoLongerInTheRegistryIsNamedByItsId() {
    Map<String, Object> facts = reportFacts("ubndxdamerged");

    assertThat(notifications.send(Notification.UNIT_REPRIMAND_DUE, "PA-2026-000001", facts)).isPresent();
    assertThat(outbox.get(0).subject()).contains("ubndxdamerged");
    assertThat(notifications.send(Notification.UNIT_URGED, "PA-2026-000001", facts))
        .as("no mailbox for it: nothing to send, nothing fails").isEmpty();
  }

  @Test
  void citizenWithoutAnEmailGetsNoMail() {
    assertThat(notifications.send(Notification.REPORT_RECEIVED, "PA-2026-000001", reportFacts("sgtvt"))).isEmpty();
    assertThat(outbox).isEmpty();
  }

  private static Map<String, Object> reportFacts(String unitId) {
    Map<String, Object> facts = new HashMap<>();
    for (String key : List.of("reporterEmail", "reporterName", "trackingToken", "categoryName", "wardName", "address",
        "description", "ratingDueAtText", "rejectionReasonText", "duplicateOf", "verificationNote", "urgeNote",
        "reprimandNote", "resultText")) {
      facts.put(key, null);
    }
    facts.put("reportId", "PA-2026-000001");
    facts.put("unitId", unitId);
    facts.put("dueAtText", "23:59 ngày 09/03/2026");
    return facts;
  }
}
