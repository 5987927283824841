package vn.ioc.citizenreports.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.ioc.citizenreports.handling.ReportProcess;

/**
 * Only process designers (and administrators) change what is deployed through the engine's REST
 * API, which Camunda Modeler's "Deploy" uses. Runs after the REST authentication filter, which
 * has set the caller. (Until engine authorization checks are on, this is the one rule enforced
 * on the REST API beyond being a known user.)
 */
class DeploymentPermissionFilter extends OncePerRequestFilter {

  private static final List<String> ALLOWED_GROUPS = List.of(ReportProcess.GROUP_DESIGNERS, Groups.CAMUNDA_ADMIN);
  /** The REST API answers at /engine-rest/... and, naming the engine, at /engine-rest/engine/{name}/... */
  private static final Pattern DEPLOYMENTS = Pattern.compile("^/engine-rest(/engine/[^/]+)?/deployment(/.*)?$");

  private final IdentityService identityService;

  DeploymentPermissionFilter(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean changesDeployments = DEPLOYMENTS.matcher(path).matches()
        && (HttpMethod.POST.matches(request.getMethod()) || HttpMethod.DELETE.matches(request.getMethod()));
    return !changesDeployments;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication caller = identityService.getCurrentAuthentication();
    boolean designer = caller != null && caller.getGroupIds() != null
        && caller.getGroupIds().stream().anyMatch(ALLOWED_GROUPS::contains);
    if (!designer) {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      response.setContentType(MediaType.APPLICATION_JSON_VALUE);
      response.getWriter().write("{\"type\":\"AuthorizationException\",\"message\":"
          + "\"Only members of group 'designers' may deploy or delete deployments\"}");
      return;
    }
    chain.doFilter(request, response);
  }
}
