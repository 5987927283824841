package vn.ioc.citizenreports.routing;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.ioc.citizenreports.reference.CsvTables;

/** The units that take part, from {@code reference/units.csv}. */
@Component
public class UnitRegistry {

  private final Map<String, Unit> units = new LinkedHashMap<>();

  public UnitRegistry() {
    this(CsvTables.read("reference/units.csv", Unit.class));
  }

  public UnitRegistry(List<Unit> units) {
    units.forEach(unit -> {
      if (this.units.put(unit.id(), unit) != null) {
        throw new IllegalStateException("Duplicate unit id " + unit.id());
      }
    });
  }

  public Optional<Unit> find(String unitId) {
    return Optional.ofNullable(unitId).map(units::get);
  }

  public Collection<Unit> all() {
    return Collections.unmodifiableCollection(units.values());
  }
}
