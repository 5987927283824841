package vn.ioc.citizenreports.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;
import vn.ioc.citizenreports.CitizenReportsApplication;

/** No default passwords or secrets outside the demo profile. */
class ProductionSecretsTest {

  private final ProductionSecrets check = new ProductionSecrets();

  @Test
  void productionWithoutSecretsDoesNotStartAndSaysWhatToSet() {
    SpringApplication production = new SpringApplicationBuilder(CitizenReportsApplication.class)
        .profiles("postgres").properties("DATABASE_URL=jdbc:postgresql://localhost/none").build();

    // blank on the command line, whatever the machine's environment holds
    assertThatThrownBy(() -> production.run("--ADMIN_PASSWORD=", "--TRACKING_TOKEN_SECRET="))
        .isInstanceOf(ProductionSecrets.MissingSecretsException.class)
        .hasMessageContaining("ADMIN_PASSWORD").hasMessageContaining("TRACKING_TOKEN_SECRET");
  }

  @Test
  void anAdminPasswordThatIsShortOrTheUserIdIsRefused() {
    for (String weak : new String[] {"", "administrator-1", "short-pass"}) {
      MockEnvironment environment = secrets("administrator-1", weak, "a-tracking-secret-of-32-characters");
      assertThatThrownBy(() -> check.postProcessEnvironment(environment, null))
          .as("password '%s'", weak).hasMessageContaining("ADMIN_PASSWORD").hasMessageNotContaining("TRACKING");
    }
  }

  @Test
  void aShortTrackingSecretIsRefused() {
    assertThatThrownBy(() -> check.postProcessEnvironment(secrets("admin", "a-long-admin-password", "short"), null))
        .hasMessageContaining("TRACKING_TOKEN_SECRET").hasMessageNotContaining("ADMIN_PASSWORD");
  }

  @Test
  void withBothSecretsOrInTheDemoTheApplicationMayStart() {
    check.postProcessEnvironment(secrets("admin", "a-long-admin-password", "a-tracking-secret-of-32-characters"), null);
    MockEnvironment demo = new MockEnvironment();
    demo.setActiveProfiles("demo");
    check.postProcessEnvironment(demo, null);
  }

  @Test
  void theFailureAnalysisListsTheSecretsAndTheWayOut() {
    var failure = new ProductionSecrets.MissingSecretsException(java.util.List.of("ADMIN_PASSWORD: …"));
    FailureAnalysis analysis = new MissingSecretsFailureAnalyzer().analyze(failure);
    assertThat(analysis.getDescription()).contains("ADMIN_PASSWORD");
    assertThat(analysis.getAction()).contains("environment variables", "SPRING_PROFILES_ACTIVE=demo");
  }

  private static MockEnvironment secrets(String adminUser, String adminPassword, String trackingSecret) {
    return new MockEnvironment()
        .withProperty("camunda.bpm.admin-user.id", adminUser)
        .withProperty("camunda.bpm.admin-user.password", adminPassword)
        .withProperty("citizen-reports.tracking-token-secret", trackingSecret);
  }
}
