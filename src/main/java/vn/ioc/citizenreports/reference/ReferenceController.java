package vn.ioc.citizenreports.reference;

import java.util.Collection;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Read-only reference data: what a report may name as its category and ward. */
@RestController
@RequestMapping("/api")
class ReferenceController {

  private final ReferenceData reference;

  ReferenceController(ReferenceData reference) {
    this.reference = reference;
  }

  @GetMapping("/categories")
  Collection<Category> categories() {
    return reference.categories();
  }

  /** All wards, or those of one district ({@code ?districtCode=474}). */
  @GetMapping("/wards")
  Collection<Ward> wards(@RequestParam(required = false) String districtCode) {
    if (districtCode == null) {
      return reference.wards();
    }
    return reference.wards().stream().filter(w -> w.districtCode().equals(districtCode)).toList();
  }
}
