package vn.ioc.citizenreports.handling;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The lifecycle scenarios on a real PostgreSQL server, the database of production. */
class CitizenReportProcessOnPostgresTest extends CitizenReportScenarios {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = coverageOn("camunda-postgres-test.cfg.xml");

  @Override
  ProcessEngine processEngine() {
    return engine.getProcessEngine();
  }
}
