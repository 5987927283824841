package vn.ioc.citizenreports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;

/** The decisions in dmn/, outside a process engine, evaluated as the application evaluates them. */
public final class DecisionTables {

  private DecisionTables() {}

  /** A DMN engine; {@code legacyFeel} as the application configures it (dmn-feel-enable-legacy-behavior). */
  public static DmnEngine engine(boolean legacyFeel) {
    DefaultDmnEngineConfiguration configuration = (DefaultDmnEngineConfiguration) DefaultDmnEngineConfiguration
        .createDefaultDmnEngineConfiguration();
    configuration.enableFeelLegacyBehavior(legacyFeel);
    return configuration.buildEngine();
  }

  /** Decision {@code key} of {@code dmn/<key>.dmn}, with the decisions it requires. */
  public static DmnDecision parse(DmnEngine engine, String key) {
    try (InputStream in = DecisionTables.class.getClassLoader().getResourceAsStream("dmn/" + key + ".dmn")) {
      return engine.parseDecision(key, in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
