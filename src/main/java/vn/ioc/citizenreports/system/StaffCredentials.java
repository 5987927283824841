package vn.ioc.citizenreports.system;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * HTTP Basic credentials of an engine user, for the few endpoints of our own API that are for
 * staff only: 401 without valid credentials, 403 outside the groups the endpoint names.
 */
@Component
public class StaffCredentials {

  private final IdentityService identityService;

  StaffCredentials(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** The user id, once the credentials are valid and the user is in one of the groups. */
  public String requireMemberOf(String authorizationHeader, Collection<String> groups, String forWhat) {
    String[] credentials = basic(authorizationHeader);
    if (credentials == null || !identityService.checkPassword(credentials[0], credentials[1])) {
      throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "HTTP Basic credentials of a staff member are required");
    }
    boolean member = groups.stream()
        .anyMatch(group -> identityService.createUserQuery().userId(credentials[0]).memberOfGroup(group).count() > 0);
    if (!member) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, forWhat + " is for the groups " + String.join(", ", groups));
    }
    return credentials[0];
  }

  private static String[] basic(String authorization) {
    if (authorization == null || !authorization.startsWith("Basic ")) {
      return null;
    }
    try {
      String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 1 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
  }
}
