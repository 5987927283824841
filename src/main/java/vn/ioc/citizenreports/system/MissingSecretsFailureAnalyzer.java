package vn.ioc.citizenreports.system;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says which secrets to set, instead of a stack trace. */
class MissingSecretsFailureAnalyzer extends AbstractFailureAnalyzer<ProductionSecrets.MissingSecretsException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, ProductionSecrets.MissingSecretsException cause) {
    return new FailureAnalysis(
        "Outside the demo profile these secrets must be set:\n  - " + String.join("\n  - ", cause.missing),
        "Set them as environment variables (never in a file in the repository), or run with "
            + "SPRING_PROFILES_ACTIVE=demo to try the application with demo users and secrets.",
        cause);
  }
}
