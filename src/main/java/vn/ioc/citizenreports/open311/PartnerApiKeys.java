package vn.ioc.citizenreports.open311;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.ioc.citizenreports.report.TrackingTokens;

/** Open311 API keys, one or more per partner, kept only as SHA-256. */
@Component
public class PartnerApiKeys {

  private static final SecureRandom RANDOM = new SecureRandom();
  private final JdbcClient jdbc;

  PartnerApiKeys(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public boolean isValid(String key) {
    return key != null && !key.isBlank() && jdbc.sql("SELECT COUNT(*) FROM partner_api_key WHERE key_hash = :hash")
        .param("hash", TrackingTokens.sha256(key)).query(Long.class).single() > 0;
  }

  /** A new key for a partner; shown once, stored hashed. */
  public String issue(String partner) {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    String key = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    register(partner, key);
    return key;
  }

  /** Stores a key the caller chose (the demo profile's key "demo"), once. */
  public void register(String partner, String key) {
    String hash = TrackingTokens.sha256(key);
    if (jdbc.sql("SELECT COUNT(*) FROM partner_api_key WHERE key_hash = :hash").param("hash", hash).query(Long.class).single() == 0) {
      jdbc.sql("INSERT INTO partner_api_key (key_hash, partner, created_at) VALUES (:hash, :partner, :at)")
          .param("hash", hash).param("partner", partner).param("at", Timestamp.from(Instant.now())).update();
    }
  }
}
