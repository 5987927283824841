package vn.ioc.citizenreports.audit;

import java.util.Set;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * The Cockpit plugin "Kiểm tra SLA" (SLA audit): overdue and extended cases and the units'
 * scorecards, inside Cockpit where leaders already are. Cockpit finds it through
 * META-INF/services; its page is served from {@code plugin-webapp/sla-audit/app/plugin.js}.
 */
public class SlaAuditPlugin extends AbstractCockpitPlugin {

  public static final String ID = "sla-audit";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(SlaAuditRootResource.class);
  }
}
