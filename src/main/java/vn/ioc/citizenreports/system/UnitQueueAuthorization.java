package vn.ioc.citizenreports.system;

import java.util.ArrayList;
import java.util.List;
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

  /** The engine's authorization manager, with the shortcut for the unit's queue. */
  static final class Manager extends AuthorizationManager {

    @Override
    public void configureTaskQuery(TaskQueryImpl query) {
      super.configureTaskQuery(query);
      AuthorizationCheck check = query.getAuthCheck();
      if (check.getShouldPerformAuthorizatioCheck() && !check.isRevokeAuthorizationCheckEnabled()
          && grantsFollowCandidateGroups() && onlyOwnCandidateGroups(query, getCurrentAuthentication())) {
        check.setPermissionChecks(new CompositePermissionCheck());
      }
    }

    /** The engine's own provider is the one that grants each candidate group its task. */
    private static boolean grantsFollowCandidateGroups() {
      return Context.getProcessEngineConfiguration().getResourceAuthorizationProvider() instanceof DefaultAuthorizationProvider;
    }
  }
}
