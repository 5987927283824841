package vn.ioc.citizenreports.open311;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import vn.ioc.citizenreports.system.StaffCredentials;

/**
 * An administrator issues an Open311 API key to a partner:
 * {@code curl -u admin:… -X POST localhost:8080/api/admin/partners/hue-s/api-keys}. The key is shown
 * once; only its hash is kept. Authenticated against the engine's users (HTTP Basic).
 */
@RestController
class PartnerKeyController {

  private final PartnerApiKeys keys;
  private final StaffCredentials staff;

  PartnerKeyController(PartnerApiKeys keys, StaffCredentials staff) {
    this.keys = keys;
    this.staff = staff;
  }

  @PostMapping("/api/admin/partners/{partner}/api-keys")
  ResponseEntity<Map<String, String>> issue(@PathVariable String partner,
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
    String user = staff.requireMemberOf(authorization, List.of(Groups.CAMUNDA_ADMIN), "Issuing API keys");
    if (!partner.matches("[a-z0-9-]{2,100}")) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "partner: 2 to 100 lower-case letters, digits or '-'");
    }
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(Map.of("partner", partner, "apiKey", keys.issue(partner), "issuedBy", user));
  }
}
