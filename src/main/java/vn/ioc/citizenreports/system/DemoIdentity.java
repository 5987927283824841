package vn.ioc.citizenreports.system;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.ioc.citizenreports.handling.ReportProcess;
import vn.ioc.citizenreports.routing.Unit;
import vn.ioc.citizenreports.routing.UnitRegistry;

/**
 * Demo users, all with password {@code demo}, only in the {@code demo} profile. The administrator
 * {@code demo} (made by the Camunda starter) is also in every group, so one login can walk a
 * report through its whole life.
 */
@Component
@Profile("demo")
class DemoIdentity {

  static final String PASSWORD = "demo";
  static final String ADMIN = "demo";
  static final String EMAIL_DOMAIN = "@demo.invalid";

  private record DemoUser(String id, String firstName, String lastName, String group) {}

  private final IdentityService identityService;
  private final UnitRegistry units;

  DemoIdentity(IdentityService identityService, UnitRegistry units) {
    this.identityService = identityService;
    this.units = units;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(2)
  public void createDemoUsers() {
    if (identityService.isReadOnly()) {
      return;
    }
    List<DemoUser> users = new ArrayList<>(List.of(
        new DemoUser("operator", "Thu", "Trần Thị", ReportProcess.GROUP_IOC),
        new DemoUser("pcoffice1", "Bình", "Lê Văn", ReportProcess.GROUP_PC_OFFICE),
        new DemoUser("leader1", "Hùng", "Nguyễn Văn", ReportProcess.GROUP_LEADERS),
        new DemoUser("designer1", "Đức", "Phạm Minh", ReportProcess.GROUP_DESIGNERS)));
    for (Unit unit : units.all()) {
      users.add(new DemoUser(unit.id() + "staff", "Cán bộ", unit.name(), unit.id()));
    }
    for (DemoUser user : users) {
      ensureUser(user);
      ensureMembership(user.id(), user.group());
    }
    if (identityService.createUserQuery().userId(ADMIN).count() > 0) {
      List.of(ReportProcess.GROUP_IOC, ReportProcess.GROUP_PC_OFFICE, ReportProcess.GROUP_LEADERS, ReportProcess.GROUP_DESIGNERS)
          .forEach(group -> ensureMembership(ADMIN, group));
      units.all().forEach(unit -> ensureMembership(ADMIN, unit.id()));
    }
  }

  private void ensureUser(DemoUser demo) {
    if (identityService.createUserQuery().userId(demo.id()).count() > 0) {
      return;
    }
    User user = identityService.newUser(demo.id());
    user.setFirstName(demo.firstName());
    user.setLastName(demo.lastName());
    user.setPassword(PASSWORD);
    user.setEmail(demo.id() + EMAIL_DOMAIN);
    identityService.saveUser(user);
  }

  private void ensureMembership(String userId, String groupId) {
    if (identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
      identityService.createMembership(userId, groupId);
    }
  }
}
