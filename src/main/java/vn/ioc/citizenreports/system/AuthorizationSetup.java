package vn.ioc.citizenreports.system;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.DELETE;
import static org.camunda.bpm.engine.authorization.Permissions.MIGRATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.Permissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ_TASK;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.BATCH;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_REQUIREMENTS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT;
import static org.camunda.bpm.engine.authorization.Resources.FILTER;
import static org.camunda.bpm.engine.authorization.Resources.GROUP;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.USER;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.BatchPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
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
 * The role matrix (README, "Who may do what"), granted at start-up when missing; safe on every
 * start and node. It only adds: a grant removed from this class stays in the database until an
 * administrator deletes it in Admin. Work itself is not granted here: the engine gives a task's candidate group READ
 * and TASK_WORK on that one task when it creates it, so a unit sees and works its own tasks only.
 * Administrators (group camunda-admin) hold ALL on everything, from the Camunda starter.
 */
@Component
class AuthorizationSetup {

  /** Who may read, query and follow reports in Cockpit, without changing anything. */
  private static final Logger LOG = LoggerFactory.getLogger(AuthorizationSetup.class);
  private static final List<Resource> MATRIX_RESOURCES = List.of(APPLICATION, FILTER, USER, GROUP, PROCESS_DEFINITION,
      PROCESS_INSTANCE, DECISION_DEFINITION, DECISION_REQUIREMENTS_DEFINITION, DEPLOYMENT, BATCH);
  private static final List<String> COCKPIT_READERS = List.of(
      ReportProcess.GROUP_IOC, ReportProcess.GROUP_PC_OFFICE, ReportProcess.GROUP_LEADERS, ReportProcess.GROUP_DESIGNERS);

  private final AuthorizationService authorizations;
  private final UnitRegistry units;

  AuthorizationSetup(AuthorizationService authorizations, UnitRegistry units) {
    this.authorizations = authorizations;
    this.units = units;
  }

  /** The group grants already stored, read once: 226 units make over a thousand grants. */
  private Map<String, Authorization> existing = Map.of();

  @EventListener(ApplicationReadyEvent.class)
  @Order(1)
  public void grantRoleMatrix() {
    // the resource types of the matrix only: the engine's own per-task grants grow with the work
    existing = MATRIX_RESOURCES.stream()
        .flatMap(resource -> authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
            .resourceType(resource).list().stream())
        .filter(grant -> grant.getGroupId() != null)
        .collect(Collectors.toMap(grant -> key(grant.getGroupId(), grant.getResourceType(), grant.getResourceId()),
            Function.identity(), (first, second) -> first, HashMap::new));
    List<String> staff = new ArrayList<>(COCKPIT_READERS);
    units.all().stream().map(Unit::id).forEach(staff::add);

    for (String group : staff) {
      // Tasklist: its filters, the names of colleagues and groups, the process a task belongs to
      grant(group, APPLICATION, "tasklist", ACCESS);
      grant(group, FILTER, ANY, READ);
      grant(group, USER, ANY, READ);
      grant(group, GROUP, ANY, READ);
      grant(group, PROCESS_DEFINITION, ReportProcess.KEY, READ);
    }
    for (String group : COCKPIT_READERS) {
      grant(group, APPLICATION, "cockpit", ACCESS);
      grant(group, PROCESS_DEFINITION, ANY, READ, READ_INSTANCE, READ_HISTORY, READ_TASK);
      grant(group, PROCESS_INSTANCE, ANY, READ);
      grant(group, DECISION_DEFINITION, ANY, READ, READ_HISTORY);
      grant(group, DECISION_REQUIREMENTS_DEFINITION, ANY, READ);
      grant(group, DEPLOYMENT, ANY, READ);
    }
    // the IOC takes reports from the hotline in Tasklist's start form
    grant(ReportProcess.GROUP_IOC, PROCESS_DEFINITION, ReportProcess.KEY, CREATE_INSTANCE);
    grant(ReportProcess.GROUP_IOC, PROCESS_INSTANCE, ANY, CREATE);
    // designers deploy and remove models (Camunda Modeler or the REST API)
    grant(ReportProcess.GROUP_DESIGNERS, DEPLOYMENT, ANY, CREATE, DELETE);
    // and move running instances to a new version (POST /api/admin/migrations), in a batch when many
    grant(ReportProcess.GROUP_DESIGNERS, PROCESS_DEFINITION, ANY, MIGRATE_INSTANCE);
    grant(ReportProcess.GROUP_DESIGNERS, BATCH, ANY, BatchPermissions.READ, BatchPermissions.READ_HISTORY,
        BatchPermissions.CREATE_BATCH_MIGRATE_PROCESS_INSTANCES);
  }

  private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization = existing.get(key(groupId, resource.resourceType(), resourceId));
    if (authorization == null) {
      authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(groupId);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    } else if (List.of(permissions).stream().allMatch(authorization::isPermissionGranted)) {
      return;
    }
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    try {
      existing.put(key(groupId, resource.resourceType(), resourceId), authorizations.saveAuthorization(authorization));
    } catch (ProcessEngineException anotherNodeGrantedItFirst) {
      // nodes starting together on a new database: the grant is there, from the other node
      LOG.info("Grant {} {} {} not saved here: {}", groupId, resource.resourceName(), resourceId,
          anotherNodeGrantedItFirst.getMessage());
    }
  }

  private static String key(String groupId, int resourceType, String resourceId) {
    return groupId + "/" + resourceType + "/" + resourceId;
  }
}
