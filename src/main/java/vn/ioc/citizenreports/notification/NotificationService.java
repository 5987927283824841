package vn.ioc.citizenreports.notification;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import vn.ioc.citizenreports.routing.UnitRegistry;

/**
 * Renders a notification from its template and puts it in the outbox. The first line of a
 * template is the subject; the rest is the body. Citizens without an e-mail get no mail.
 */
@Service
public class NotificationService {

  private final Map<Notification, Template> templates = new EnumMap<>(Notification.class);
  private final MailOutbox outbox;
  private final UnitRegistry units;
  private final NotificationProperties properties;

  public NotificationService(MailOutbox outbox, UnitRegistry units, NotificationProperties properties) {
    this.outbox = outbox;
    this.units = units;
    this.properties = properties;
    // Plain-text mail: nothing to HTML-escape. A null value prints empty; a missing one is a
    // template bug and fails.
    Mustache.Compiler compiler = Mustache.compiler().escapeHTML(false).nullValue("");
    for (Notification notification : Notification.values()) {
      templates.put(notification, compiler.compile(load(notification.template())));
    }
  }

  /**
   * @param reference what the mail is about (a report id, or a digest's id), the outbox's key
   * @param facts what the template may show: {@code unitId} and {@code reporterEmail} choose the
   *     recipient; the rest are the notification's own details
   * @return the mail put in the outbox, or empty when the recipient has no mailbox
   */
  public Optional<MailMessage> send(Notification notification, String reference, Map<String, Object> facts) {
    Optional<String> recipient = recipient(notification, facts);
    if (recipient.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> model = new HashMap<>(facts);
    model.put("publicBaseUrl", properties.publicBaseUrl());
    // a unit no longer in the registry (a merger) still gets named, by its id
    String unitId = (String) facts.get("unitId");
    model.put("unitName", units.find(unitId).map(unit -> unit.name()).orElse(unitId));
    String text = templates.get(notification).execute(model);
    int firstLineEnd = text.indexOf('\n');
    MailMessage message = new MailMessage(recipient.get(), text.substring(0, firstLineEnd).strip(),
        text.substring(firstLineEnd + 1).strip() + "\n");
    outbox.enqueue(reference, notification, message);
    return Optional.of(message);
  }

  private Optional<String> recipient(Notification notification, Map<String, Object> facts) {
    return switch (notification.recipient()) {
      case CITIZEN -> Optional.ofNullable((String) facts.get("reporterEmail")).filter(email -> !email.isBlank());
      case UNIT -> units.find((String) facts.get("unitId")).map(unit -> unit.mailbox());
      case LEADERS -> Optional.ofNullable(properties.leaders());
    };
  }

  private static String load(String resource) {
    try (InputStream in = NotificationService.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Mail template missing: " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read mail template " + resource, e);
    }
  }
}
