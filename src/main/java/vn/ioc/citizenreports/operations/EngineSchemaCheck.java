package vn.ioc.citizenreports.operations;

import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ProductPropertiesUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When the engine does not manage its own tables (production), it checks only that they exist. A
 * schema left at an older minor version would start and then fail on the first missing column, so
 * the node refuses to start unless the schema log names this engine's minor version.
 */
@Component
class EngineSchemaCheck {

  private final JdbcClient jdbc;
  private final String schemaUpdate;

  EngineSchemaCheck(JdbcClient jdbc, @Value("${camunda.bpm.database.schema-update:true}") String schemaUpdate) {
    this.jdbc = jdbc;
    this.schemaUpdate = schemaUpdate;
  }

  @EventListener(ApplicationStartedEvent.class)
  public void schemaMatchesTheEngine() {
    if (!"false".equals(schemaUpdate)) {
      return;
    }
    String engine = minorVersion(ProductPropertiesUtil.getProductVersion());
    Optional<String> schema = jdbc.sql("select version_ from act_ge_schema_log order by timestamp_ desc")
        .query(String.class).list().stream().findFirst();
    if (schema.isEmpty() || !minorVersion(schema.get()).equals(engine)) {
      throw new IllegalStateException("The engine's tables are at version " + schema.orElse("(none)") + ", the engine is "
          + ProductPropertiesUtil.getProductVersion() + ": run the engine's upgrade scripts (README, \"Running on PostgreSQL\")");
    }
  }

  /** "7.24.0" and "7.24.1-ee" are both 7.24: patch scripts do not change the tables' shape. */
  static String minorVersion(String version) {
    String[] parts = version.split("[.-]");
    return parts.length < 2 ? version : parts[0] + "." + parts[1];
  }
}
