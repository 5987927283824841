package vn.ioc.citizenreports.open311;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * An administrator issues an Open311 API key to a partner:
 * {@code curl -u admin:… -X POST localhost:8080/api/admin/partners/hue-s/api-keys}. The key is shown
 * once; only its hash is kept. Authenticated against the engine's users (HTTP Basic).
 */
@RestController
class PartnerKeyController {

  private final PartnerApiKeys keys;
  private final IdentityService identityService;

  PartnerKeyController(PartnerApiKeys keys, IdentityService identityService) {
    this.keys = keys;
    this.identityService = identityService;
  }

  @PostMapping("/api/admin/partners/{partner}/api-keys")
  ResponseEntity<Map<String, String>> issue(@PathVariable String partner,
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
    String user = administrator(authorization);
    if (!partner.matches("[a-z0-9-]{2,100}")) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "partner: 2 to 100 lower-case letters, digits or '-'");
    }
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(Map.of("partner", partner, "apiKey", keys.issue(partner), "issuedBy", user));
  }

  private String administrator(String authorization) {
    String[] credentials = basic(authorization);
    if (credentials == null || !identityService.checkPassword(credentials[0], credentials[1])) {
      throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "HTTP Basic credentials of an administrator are required");
    }
    if (identityService.createUserQuery().userId(credentials[0]).memberOfGroup(Groups.CAMUNDA_ADMIN).count() == 0) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only administrators issue API keys");
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
