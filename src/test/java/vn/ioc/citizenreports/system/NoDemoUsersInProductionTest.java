package vn.ioc.citizenreports.system;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A production node refuses a database that still holds the demo's accounts. */
class NoDemoUsersInProductionTest {

  private final ProcessEngine engine = ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
      .setProcessEngineName("demo-accounts-check").setJdbcUrl("jdbc:h2:mem:demo-accounts-check;DB_CLOSE_DELAY=-1")
      .buildProcessEngine();

  @AfterEach
  void closeEngine() {
    engine.close();
  }

  @Test
  void demoAccountsStopTheStartUntilTheyAreDeleted() {
    NoDemoUsersInProduction check = new NoDemoUsersInProduction(engine.getIdentityService());
    check.refuseDemoAccounts();

    User staff = engine.getIdentityService().newUser("sgtvtstaff");
    staff.setEmail("sgtvtstaff" + DemoIdentity.EMAIL_DOMAIN);
    staff.setPassword("demo");
    engine.getIdentityService().saveUser(staff);
    assertThatThrownBy(check::refuseDemoAccounts).hasMessageContaining("1 demo accounts");

    engine.getIdentityService().deleteUser("sgtvtstaff");
    engine.getIdentityService().saveUser(engine.getIdentityService().newUser(DemoIdentity.ADMIN));
    assertThatThrownBy(check::refuseDemoAccounts).hasMessageContaining("delete them in Admin");

    engine.getIdentityService().deleteUser(DemoIdentity.ADMIN);
    check.refuseDemoAccounts();
  }
}
