package vn.ioc.citizenreports.stats;

import java.time.Instant;
import java.util.List;

/**
 * The city's figures and one row per unit, for reports received in [from, to), as of {@code at};
 * for one unit only its row, and no city.
 */
public record Scorecard(Instant from, Instant to, Instant at, UnitScore city, List<UnitScore> units) {
}
