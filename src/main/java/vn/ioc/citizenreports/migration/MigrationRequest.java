package vn.ioc.citizenreports.migration;

import java.util.Map;

/**
 * Move the running instances of one version of a process to another.
 *
 * @param processDefinitionKey e.g. CitizenReportProcess
 * @param fromVersion the version the instances run on now
 * @param toVersion the version they move to
 * @param renamedActivities activities of the old version whose equal in the new one has another id
 *     (old id to new id); every other activity is matched by its id
 * @param dryRun only check that every instance can move, and count them
 */
public record MigrationRequest(String processDefinitionKey, Integer fromVersion, Integer toVersion,
    Map<String, String> renamedActivities, Boolean dryRun) {

  public MigrationRequest {
    renamedActivities = renamedActivities == null ? Map.of() : Map.copyOf(renamedActivities);
  }
}
