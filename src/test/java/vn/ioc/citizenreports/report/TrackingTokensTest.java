package vn.ioc.citizenreports.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TrackingTokensTest {

  private final TrackingTokens tokens = new TrackingTokens("a-secret-of-enough-length");

  @Test
  void tokenOpensItsOwnReportOnly() {
    String token = tokens.tokenFor("PA-2026-000123");

    assertThat(token).hasSize(24).matches("[A-Za-z0-9_-]+");
    assertThat(tokens.matches("PA-2026-000123", token)).isTrue();
    assertThat(tokens.matches("PA-2026-000124", token)).isFalse();
    assertThat(tokens.matches("PA-2026-000123", token.substring(1))).isFalse();
    assertThat(tokens.matches("PA-2026-000123", "not base64 !")).isFalse();
    assertThat(tokens.matches("PA-2026-000123", null)).isFalse();
  }

  @Test
  void anotherSecretMakesOtherTokens() {
    assertThat(new TrackingTokens("another-secret-of-length").tokenFor("PA-2026-000123"))
        .isNotEqualTo(tokens.tokenFor("PA-2026-000123"));
  }

  @Test
  void shortSecretIsRefusedAtStart() {
    assertThatThrownBy(() -> new TrackingTokens("short")).hasMessageContaining("TRACKING_TOKEN_SECRET");
  }
}
