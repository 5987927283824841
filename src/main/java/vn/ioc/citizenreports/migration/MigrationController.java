package vn.ioc.citizenreports.migration;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import vn.ioc.citizenreports.handling.ReportProcess;
import vn.ioc.citizenreports.system.StaffCredentials;

/**
 * {@code POST /api/admin/migrations}: designers and administrators move running instances to a
 * newer version (README, "For process designers"). The engine acts as the caller, so its
 * authorizations apply and its user operation log names them.
 */
@RestController
class MigrationController {

  private static final List<String> MIGRATORS = List.of(ReportProcess.GROUP_DESIGNERS, Groups.CAMUNDA_ADMIN);

  private final ProcessMigration migration;
  private final StaffCredentials staff;
  private final IdentityService identityService;

  MigrationController(ProcessMigration migration, StaffCredentials staff, IdentityService identityService) {
    this.migration = migration;
    this.staff = staff;
    this.identityService = identityService;
  }

  @PostMapping("/api/admin/migrations")
  ResponseEntity<?> migrate(@RequestBody MigrationRequest request,
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
    String userId = staff.requireMemberOf(authorization, MIGRATORS, "Migrating running instances");
    checkInput(request);
    List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    identityService.setAuthentication(userId, groups);
    try {
      MigrationResult result = migration.migrate(request);
      return ResponseEntity.status(result.execution() == MigrationResult.Execution.BATCH ? HttpStatus.ACCEPTED : HttpStatus.OK)
          .body(result);
    } catch (MigrationRefused refused) {
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(
          refused.unknownVersion() ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT, refused.getMessage());
      problem.setTitle("Migration refused; nothing was changed");
      problem.setProperty("problems", refused.problems());
      return ResponseEntity.status(problem.getStatus()).body(problem);
    } catch (AuthorizationException denied) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, denied.getMessage());
    } catch (OptimisticLockingException concurrent) {
      // a timer fired or a task was completed while the instances moved: nothing moved, try again
      throw new ResponseStatusException(HttpStatus.CONFLICT,
          "A report changed while it was being migrated; nothing was changed, try again");
    } finally {
      identityService.clearAuthentication();
    }
  }

  private static void checkInput(MigrationRequest request) {
    if (request.processDefinitionKey() == null || request.processDefinitionKey().isBlank()) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "processDefinitionKey: is required");
    }
    if (request.fromVersion() == null || request.toVersion() == null || request.fromVersion() < 1 || request.toVersion() < 1) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "fromVersion, toVersion: version numbers (1, 2, …) are required");
    }
    if (request.fromVersion().equals(request.toVersion())) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "toVersion: must differ from fromVersion");
    }
    if (request.dryRun() == null) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "dryRun: true (only check and count) or false (migrate) is required");
    }
  }
}
