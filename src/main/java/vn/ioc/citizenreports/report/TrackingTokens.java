package vn.ioc.citizenreports.report;

import java.util.HexFormat;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The citizen's secret for one report, in every link we mail: an HMAC of the report id under a
 * server secret. Nothing is stored, so any mail (receipt, result, rating) can carry the link, and
 * staff who can read the database or Cockpit cannot make tokens (and so cannot rate in a
 * citizen's name). Changing the secret invalidates every link sent so far.
 */
@Component
public class TrackingTokens {

  private static final String ALGORITHM = "HmacSHA256";
  /** 18 bytes = 144 bits, 24 characters in a link. */
  private static final int TOKEN_BYTES = 18;

  private final SecretKeySpec key;

  public TrackingTokens(@Value("${citizen-reports.tracking-token-secret}") String secret) {
    if (secret == null || secret.length() < 16) {
      throw new IllegalStateException("citizen-reports.tracking-token-secret (TRACKING_TOKEN_SECRET) must have 16 characters or more");
    }
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
  }

  public String tokenFor(String reportId) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(reportId));
  }

  public boolean matches(String reportId, String token) {
    if (reportId == null || token == null) {
      return false;
    }
    byte[] given;
    try {
      given = Base64.getUrlDecoder().decode(token);
    } catch (IllegalArgumentException notBase64) {
      return false;
    }
    return MessageDigest.isEqual(mac(reportId), given);
  }

  /**
   * The key to a report's evidence files, for staff: unlike the citizen's token it cannot rate or
   * read the report, so forms and process variables may hold it.
   */
  public String evidenceKeyFor(String reportId) {
    return tokenFor("evidence:" + reportId);
  }

  public boolean matchesEvidenceKey(String reportId, String key) {
    return reportId != null && matches("evidence:" + reportId, key);
  }

  /** Hex SHA-256 of a text, e.g. to recognise a repeated request. */
  public static String sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private byte[] mac(String reportId) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return Arrays.copyOf(mac.doFinal(reportId.getBytes(StandardCharsets.UTF_8)), TOKEN_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is missing from this JVM", e);
    }
  }
}
