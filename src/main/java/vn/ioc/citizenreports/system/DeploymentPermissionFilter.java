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
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    // Path parameters (";x=1") are ignored by the container when it routes a request but would hide
    // a path from a pattern; the engine's API never needs them.
    if (request.getRequestURI().contains(";")) {
      refuse(response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException", "Path parameters are not accepted");
      return;
    }
    if (!changesDeployments(request)) {
      chain.doFilter(request, response);
      return;
    }
    Authentication caller = identityService.getCurrentAuthentication();
    boolean designer = caller != null && caller.getGroupIds() != null
        && caller.getGroupIds().stream().anyMatch(ALLOWED_GROUPS::contains);
    if (!designer) {
      refuse(response, HttpServletResponse.SC_FORBIDDEN, "AuthorizationException",
          "Only members of group 'designers' may deploy or delete deployments");
      return;
    }
    chain.doFilter(request, response);
  }

  /** The path as the container routes it: decoded, normalised, without path parameters. */
  private static boolean changesDeployments(HttpServletRequest request) {
    String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    return DEPLOYMENTS.matcher(path).matches()
        && (HttpMethod.POST.matches(request.getMethod()) || HttpMethod.DELETE.matches(request.getMethod()));
  }

  private static void refuse(HttpServletResponse response, int status, String type, String message) throws IOException {
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.getWriter().write("{\"type\":\"" + type + "\",\"message\":\"" + message + "\"}");
  }
}
