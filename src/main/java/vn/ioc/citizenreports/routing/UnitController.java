package vn.ioc.citizenreports.routing;

import java.util.Collection;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Read-only: the units that handle reports, for forms, partners and the public API. */
@RestController
@RequestMapping("/api/units")
class UnitController {

  private final UnitRegistry units;

  UnitController(UnitRegistry units) {
    this.units = units;
  }

  @GetMapping
  Collection<Unit> units() {
    return units.all();
  }
}
