package vn.ioc.citizenreports.system;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A database the demo ran on holds demo accounts with the password "demo", administrator
 * included: a production node (no demo profile) refuses to start on it.
 */
@Component
@Profile("!demo")
class NoDemoUsersInProduction {

  private final IdentityService identityService;

  NoDemoUsersInProduction(IdentityService identityService) {
    this.identityService = identityService;
  }

  @EventListener(ApplicationStartedEvent.class)
  public void refuseDemoAccounts() {
    if (identityService.isReadOnly()) {
      return;
    }
    long demoUsers = identityService.createUserQuery().userEmailLike("%" + DemoIdentity.EMAIL_DOMAIN).count()
        + identityService.createUserQuery().userId(DemoIdentity.ADMIN).count();
    if (demoUsers > 0) {
      throw new IllegalStateException(demoUsers + " demo accounts (password \"demo\") are in this database: delete them in "
          + "Admin, or start a production node on a database the demo never used");
    }
  }
}
