package vn.ioc.citizenreports;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Every Spring test context starts its own engine named "default", but Camunda's registry of
 * engines is static: the REST API finds its engine there by name. Before each test, the test's
 * own engine becomes the registered one, whichever context started last.
 */
public class CurrentEngineTestExecutionListener extends AbstractTestExecutionListener {

  @Override
  public void beforeTestMethod(TestContext testContext) {
    if (testContext.hasApplicationContext()) {
      testContext.getApplicationContext().getBeanProvider(ProcessEngine.class).ifAvailable(ProcessEngines::registerProcessEngine);
    }
  }
}
