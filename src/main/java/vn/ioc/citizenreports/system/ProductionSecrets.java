package vn.ioc.citizenreports.system;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Outside the demo profile there are no default secrets: the first administrator's password and
 * the tracking-link secret must come from the environment, or the application does not start
 * (checked before anything else starts, with a message that says what to set).
 */
class ProductionSecrets implements EnvironmentPostProcessor {

  static final int MIN_ADMIN_PASSWORD = 12;
  static final int MIN_TRACKING_SECRET = 16;

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (environment.acceptsProfiles(Profiles.of("demo"))) {
      return;
    }
    List<String> missing = new ArrayList<>();
    String adminUser = property(environment, "camunda.bpm.admin-user.id");
    String adminPassword = property(environment, "camunda.bpm.admin-user.password");
    if (adminUser.isBlank()) {
      missing.add("ADMIN_USER: the id of the first administrator (default admin), not empty");
    } else if (adminPassword.length() < MIN_ADMIN_PASSWORD || adminPassword.equals(adminUser)) {
      missing.add("ADMIN_PASSWORD: the password of the first administrator '" + adminUser + "', "
          + MIN_ADMIN_PASSWORD + " characters or more, not the user id");
    }
    if (property(environment, "citizen-reports.tracking-token-secret").length() < MIN_TRACKING_SECRET) {
      missing.add("TRACKING_TOKEN_SECRET: the secret that signs citizens' tracking links, "
          + MIN_TRACKING_SECRET + " characters or more, the same on every node");
    }
    if (!missing.isEmpty()) {
      throw new MissingSecretsException(missing);
    }
  }

  /** A property's value, or "" when it is unset or refers to an unset variable. */
  private static String property(ConfigurableEnvironment environment, String key) {
    try {
      return environment.getProperty(key, "");
    } catch (IllegalArgumentException unresolvedPlaceholder) {
      return "";
    }
  }

  /** Start-up refused for want of secrets; {@link MissingSecretsFailureAnalyzer} prints it. */
  static final class MissingSecretsException extends IllegalStateException {
    final List<String> missing;

    MissingSecretsException(List<String> missing) {
      super("Secrets missing outside the demo profile: " + String.join("; ", missing));
      this.missing = List.copyOf(missing);
    }
  }
}
