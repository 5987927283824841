package vn.ioc.citizenreports.handling;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The lifecycle scenarios on H2, the database of the demo and of development. */
class CitizenReportProcessTest extends CitizenReportScenarios {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = coverageOn("camunda-test.cfg.xml");

  @Override
  ProcessEngine processEngine() {
    return engine.getProcessEngine();
  }
}
