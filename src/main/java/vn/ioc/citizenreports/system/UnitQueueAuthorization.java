package vn.ioc.citizenreports.system;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * A unit's queue without the engine's per-task grant join. When a task gets a candidate group,
 * the engine grants that group READ on the task, one {@code ACT_RU_AUTHORIZATION} row per task;
 * its task query then joins every task of the result with the caller's grants on
 * {@code RESOURCE_ID_ IN (task, definition key, '*')}, which no database can hash or merge: the
 * Department of Transport's queue took 28 s at 20,000 open tasks (docs/BENCHMARKS.md, Queues).
 *
 * <p>A query that only asks for tasks whose candidate group is one of the caller's own groups
 * ("Việc của đơn vị tôi") can only find tasks those groups were granted, so here it runs without
 * the join. Any other task query, every query while a revoking authorization exists, and every
 * query under another authorization provider than the engine's default, keeps the engine's check.
 * It relies on that provider's rule that a candidate group holds READ on its task: in this
 * application a task's candidate group is its grant.
 *
 * <p>It also finds which of the caller's groups hold any authorization, which every check asks
 * first, with one read of the group index per distinct group of the caller and command, where the
 * engine reads the group of every authorization row (there is one per open task) once per command:
 * opening a unit's queue, its count and its page, read a million rows twice with a million open
 * tasks.
 */
@Component // the Camunda starter adds every ProcessEnginePlugin bean to the engine
public final class UnitQueueAuthorization extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // custom session factories are added after the engine's own, so this one replaces its AuthorizationManager
    List<SessionFactory> factories = configuration.getCustomSessionFactories() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomSessionFactories());
    factories.add(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return AuthorizationManager.class;
      }

      @Override
      public Session openSession() {
        return new Manager();
      }
    });
    configuration.setCustomSessionFactories(factories);
  }

  /** True when every task the query can find has one of the caller's groups as candidate group. */
  static boolean onlyOwnCandidateGroups(TaskQueryImpl query, Authentication caller) {
    if (caller == null || caller.getGroupIds() == null || query.getQueries().size() != 1) {
      return false; // an OR query may widen the result past the candidate groups
    }
    List<String> candidateGroups = query.getCandidateGroups();
    return query.getCandidateUser() == null && query.getCandidateGroupLike() == null && query.getInvolvedUser() == null
        && candidateGroups != null && !candidateGroups.isEmpty() && caller.getGroupIds().containsAll(candidateGroups);
  }

  /**
   * The first group id at or after the given one that any authorization row names: the group
   * holds an authorization when it is that id. One row read from the start of the group index's
   * range, on PostgreSQL and H2. Asked as a range, not as {@code GROUP_ID_ = ?}, because
   * PostgreSQL's generic plan for an equality can scan the table until a row of the group shows,
   * all of it for a group that has none.
   */
  static final String FIRST_AUTHORIZED_GROUP_FROM =
      "SELECT GROUP_ID_ FROM %sACT_RU_AUTHORIZATION WHERE GROUP_ID_ >= ? ORDER BY GROUP_ID_ LIMIT 1";

  /** The engine's authorization manager, with the shortcut for the unit's queue. */
  static final class Manager extends AuthorizationManager {

    /** Per command, as the engine keeps its list of groups. */
    private final Map<String, Boolean> holdsAnAuthorization = new HashMap<>();

    @Override
    public void configureTaskQuery(TaskQueryImpl query) {
      super.configureTaskQuery(query);
      AuthorizationCheck check = query.getAuthCheck();
      if (check.getShouldPerformAuthorizatioCheck() && !check.isRevokeAuthorizationCheckEnabled()
          && grantsFollowCandidateGroups() && onlyOwnCandidateGroups(query, getCurrentAuthentication())) {
        check.setPermissionChecks(new CompositePermissionCheck());
      }
    }

    /**
     * The caller's groups that hold any authorization, as the engine answers it (the others cannot
     * change a check's result); the engine finds them with {@code SELECT DISTINCT GROUP_ID_} over
     * every authorization row.
     */
    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
      if (authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()) {
        return super.filterAuthenticatedGroupIds(authenticatedGroupIds);
      }
      return new ArrayList<>(authenticatedGroupIds.stream().filter(Objects::nonNull).distinct()
          .filter(group -> holdsAnAuthorization.computeIfAbsent(group, this::anyAuthorizationNames)).toList());
    }

    private boolean anyAuthorizationNames(String group) {
      String sql = FIRST_AUTHORIZED_GROUP_FROM.formatted(Context.getProcessEngineConfiguration().getDatabaseTablePrefix());
      // the command's own connection and transaction, as the engine's statements
      try (PreparedStatement statement = getDbSqlSession().getSqlSession().getConnection().prepareStatement(sql)) {
        statement.setString(1, group);
        try (ResultSet first = statement.executeQuery()) {
          return first.next() && group.equals(first.getString(1));
        }
      } catch (SQLException e) {
        throw new ProcessEngineException("could not read whether group '" + group + "' holds an authorization", e);
      }
    }

    /** The engine's own provider is the one that grants each candidate group its task. */
    private static boolean grantsFollowCandidateGroups() {
      return Context.getProcessEngineConfiguration().getResourceAuthorizationProvider() instanceof DefaultAuthorizationProvider;
    }
  }
}
