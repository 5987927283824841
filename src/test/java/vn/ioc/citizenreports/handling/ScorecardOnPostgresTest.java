package vn.ioc.citizenreports.handling;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The scorecard on a real PostgreSQL server, the database of production. */
class ScorecardOnPostgresTest extends ScorecardScenarios {

  // the scenarios' engine configuration, which measures coverage
  @RegisterExtension
  static ProcessEngineCoverageExtension engine =
      ProcessEngineCoverageExtension.builder("camunda-postgres-test.cfg.xml").build();

  @Override
  ProcessEngine processEngine() {
    return engine.getProcessEngine();
  }
}
