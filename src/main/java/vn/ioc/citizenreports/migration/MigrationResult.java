package vn.ioc.citizenreports.migration;

import java.util.List;
import java.util.Map;

/**
 * What a migration did, or would do in a dry run.
 *
 * @param instancesByActivity how many instances wait at each activity of the old version
 * @param instructions each "old activity -> new activity" of the plan
 * @param execution DRY_RUN, SYNC (done when the call returns) or BATCH (the job executor does it;
 *     follow it with {@code GET /engine-rest/batch/{batchId}} or in Cockpit)
 */
public record MigrationResult(String processDefinitionKey, int fromVersion, int toVersion, String sourceDefinitionId,
    String targetDefinitionId, long instances, Map<String, Long> instancesByActivity, List<String> instructions,
    Execution execution, String batchId) {

  public enum Execution { DRY_RUN, SYNC, BATCH }
}
