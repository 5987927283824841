package vn.ioc.citizenreports.audit;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * {@code /camunda/api/cockpit/plugin/sla-audit/{engine}/…}: the webapp logs the user in and
 * serves the plugin's static files; the queries are the application's own beans.
 */
@Path("plugin/" + SlaAuditPlugin.ID)
public class SlaAuditRootResource extends AbstractCockpitPluginRootResource {

  public SlaAuditRootResource() {
    super(SlaAuditPlugin.ID);
  }

  @Path("{engineName}")
  public SlaAuditResource audit(@PathParam("engineName") String engineName) {
    SlaAudit audit = WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext).getBean(SlaAudit.class);
    return subResource(new SlaAuditResource(engineName, audit), engineName);
  }
}
