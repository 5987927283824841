package vn.ioc.citizenreports.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.ioc.citizenreports.reference.Category;
import vn.ioc.citizenreports.reference.ReferenceData;
import vn.ioc.citizenreports.reference.Ward;

/** dmn/ReportRouting.dmn, evaluated the way the engine does (legacy FEEL, as configured). */
class RoutingDecisionTest {

  private static DmnEngine dmn;
  private static DmnDecision routing;
  private static final ReferenceData REFERENCE = new ReferenceData();
  private static final UnitRegistry UNITS = new UnitRegistry();

  @BeforeAll
  static void parseDecision() throws Exception {
    DefaultDmnEngineConfiguration configuration = (DefaultDmnEngineConfiguration) DefaultDmnEngineConfiguration
        .createDefaultDmnEngineConfiguration();
    configuration.enableFeelLegacyBehavior(true);
    dmn = configuration.buildEngine();
    try (InputStream in = RoutingDecisionTest.class.getClassLoader().getResourceAsStream("dmn/ReportRouting.dmn")) {
      routing = dmn.parseDecision("ReportRouting", in);
    }
  }

  @Test
  void everyCategoryInEveryWardRoutesToExactlyOneKnownUnit() {
    for (Category category : REFERENCE.categories()) {
      for (Ward ward : REFERENCE.wards()) {
        // hit policy UNIQUE: two matching rules would throw here
        DmnDecisionResult result = route(category.code(), ward.code());
        assertThat(result).as("rules for %s in %s", category.code(), ward.name()).hasSize(1);
        String unit = result.getSingleEntry();
        assertThat(UNITS.find(unit)).as("unit %s for %s in %s", unit, category.code(), ward.name()).isPresent();
      }
    }
  }

  @ParameterizedTest(name = "{0} in {1} goes to {2}")
  @CsvSource({
      // roads and signals are the Department of Transport's wherever they are
      "ROAD_DAMAGE,           19900, sgtvt",
      "TRAFFIC_SIGNAL,        19771, sgtvt",
      // street order is the district's People's Committee
      "ILLEGAL_CONSTRUCTION,  19774, ubndhue",
      "SIDEWALK_ENCROACHMENT, 19897, ubndphuvang",
      // urban services: the city company in Huế, the district elsewhere
      "WASTE,                 19777, hepco",
      "STREET_LIGHTING,       19900, ubndphuvang",
      // utilities and sector agencies everywhere
      "WATER_SUPPLY,          19897, huewaco",
      "POWER_SUPPLY,          19771, pctth",
      "POLLUTION,             19900, stnmt",
      "PUBLIC_ORDER,          19774, cat",
      "TOURISM_SERVICE,       19771, sdl",
      "OTHER,                 19900, ubndphuvang"})
  void routesByTheBusinessRule(String category, String ward, String unit) {
    assertThat((String) route(category, ward).getSingleEntry()).isEqualTo(unit);
  }

  @Test
  void unknownCategoryMatchesNoRule() {
    assertThat(route("SPACESHIP", "19771")).isEmpty();
  }

  private static DmnDecisionResult route(String category, String ward) {
    return dmn.evaluateDecision(routing, Map.of("category", category, "wardCode", ward));
  }
}
