package vn.ioc.citizenreports.database;

import java.util.List;
import javax.sql.DataSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * Creates the engine's tables the way production does (README, "Running on PostgreSQL"): with the
 * engine's own create scripts from the camunda-engine jar, in the order the engine runs them.
 */
public final class EngineSchemaScripts {

  static final List<String> POSTGRES_PARTS = List.of(
      "engine", "history", "identity", "case.engine", "case.history", "decision.engine", "decision.history");

  private EngineSchemaScripts() {
  }

  public static void createOn(DataSource dataSource) {
    ResourceDatabasePopulator scripts = new ResourceDatabasePopulator();
    for (String part : POSTGRES_PARTS) {
      scripts.addScript(new ClassPathResource("org/camunda/bpm/engine/db/create/activiti.postgres.create." + part + ".sql"));
    }
    scripts.execute(dataSource);
  }
}
