package vn.ioc.citizenreports.system;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.ioc.citizenreports.handling.ReportProcess;
import vn.ioc.citizenreports.routing.Unit;
import vn.ioc.citizenreports.routing.UnitRegistry;

/**
 * What every installation needs, created at start-up when missing (so it is safe to run on every
 * start and on every node): the groups the process assigns work to, one group per unit, and the
 * Tasklist filters staff work from.
 */
@Component
class IdentitySetup {

  private static final Logger LOG = LoggerFactory.getLogger(IdentitySetup.class);

  static final String GROUP_TYPE_UNIT = "unit";
  static final String GROUP_TYPE_WORKFLOW = "WORKFLOW";
  static final String FILTER_MY_UNIT = "Việc của đơn vị tôi";
  static final String FILTER_DUE_SOON = "Sắp đến hạn";
  static final String FILTER_OVERDUE = "Quá hạn";

  private static final Map<String, String> ROLE_GROUPS = Map.of(
      ReportProcess.GROUP_IOC, "Trung tâm IOC",
      ReportProcess.GROUP_PC_OFFICE, "Văn phòng UBND tỉnh",
      ReportProcess.GROUP_LEADERS, "Lãnh đạo",
      ReportProcess.GROUP_DESIGNERS, "Thiết kế quy trình");

  private static final List<Map<String, String>> LIST_VARIABLES = List.of(
      Map.of("name", "reportId", "label", "Mã phản ánh"),
      Map.of("name", "category", "label", "Lĩnh vực"),
      Map.of("name", "wardCode", "label", "Phường/xã"),
      Map.of("name", "dueAt", "label", "Hạn xử lý"));

  private final IdentityService identityService;
  private final FilterService filterService;
  private final TaskService taskService;
  private final UnitRegistry units;

  IdentitySetup(IdentityService identityService, FilterService filterService, TaskService taskService, UnitRegistry units) {
    this.identityService = identityService;
    this.filterService = filterService;
    this.taskService = taskService;
    this.units = units;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(1)
  public void createGroupsAndFilters() {
    if (identityService.isReadOnly()) {
      // a directory (LDAP) provides users and groups; it must hold these group ids
      LOG.info("Read-only identity provider: groups {} and one per unit are expected in the directory", ROLE_GROUPS.keySet());
    } else {
      ROLE_GROUPS.forEach((id, name) -> ensureGroup(id, name, GROUP_TYPE_WORKFLOW));
      for (Unit unit : units.all()) {
        ensureGroup(unit.id(), unit.name(), GROUP_TYPE_UNIT);
      }
    }
    ensureFilter(FILTER_MY_UNIT, "Phản ánh giao cho các nhóm của tôi", 10, myGroups());
    ensureFilter(FILTER_DUE_SOON, "Hết hạn trong 2 ngày tới", 20,
        myGroups().dueAfterExpression("${now()}").dueBeforeExpression("${dateTime().plusDays(2)}"));
    ensureFilter(FILTER_OVERDUE, "Đã quá hạn xử lý", 30, myGroups().dueBeforeExpression("${now()}"));
  }

  private TaskQuery myGroups() {
    TaskQuery query = taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks();
    query.orderByDueDate().asc();
    return query;
  }

  private void ensureGroup(String id, String name, String type) {
    Group group = identityService.createGroupQuery().groupId(id).singleResult();
    if (group == null) {
      group = identityService.newGroup(id);
    } else if (name.equals(group.getName()) && type.equals(group.getType())) {
      return;
    }
    group.setName(name);
    group.setType(type);
    identityService.saveGroup(group);
  }

  private void ensureFilter(String name, String description, int priority, TaskQuery query) {
    if (filterService.createTaskFilterQuery().filterName(name).count() > 0) {
      return;
    }
    Filter filter = filterService.newTaskFilter(name)
        .setQuery(query)
        .setProperties(Map.of(
            "description", description,
            "priority", priority,
            "refresh", true,
            "variables", LIST_VARIABLES));
    filterService.saveFilter(filter);
  }
}
