package vn.ioc.citizenreports.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineException;
import org.junit.jupiter.api.BeforeAll;
import vn.ioc.citizenreports.DecisionTables;
import org.junit.jupiter.api.Test;
import vn.ioc.citizenreports.reference.Category;
import vn.ioc.citizenreports.reference.ReferenceData;
import vn.ioc.citizenreports.reference.Ward;

/**
 * dmn/ReportRouting.dmn over the whole reference data, evaluated as the engine does (legacy FEEL,
 * the required decision ResponsibleSector first). The business rules, one per group, are walked
 * through the process in {@code RoutingRulesProcessTest}.
 */
class RoutingDecisionTest {

  private static final ReferenceData REFERENCE = new ReferenceData();
  private static final UnitRegistry UNITS = new UnitRegistry();
  private static DmnEngine dmn;
  private static DmnDecision routing;

  @BeforeAll
  static void parseDecision() {
    dmn = DecisionTables.engine(true);
    routing = DecisionTables.parse(dmn, "ReportRouting");
  }

  @Test
  void everyCategoryInEveryWardRoutesToExactlyOneUnitOfTheRegistry() {
    Set<String> reached = new HashSet<>();
    for (Category category : REFERENCE.categories()) {
      for (Ward ward : REFERENCE.wards()) {
        // hit policy UNIQUE: two matching rules would throw here
        DmnDecisionResult result = route(category.code(), ward);
        assertThat(result).as("rules for %s in %s", category.code(), ward.name()).hasSize(1);
        String unitId = result.getSingleEntry();
        Unit unit = UNITS.find(unitId).orElse(null);
        assertThat(unit).as("unit %s for %s in %s", unitId, category.code(), ward.name()).isNotNull();
        assertThat(unit.routing()).as("%s is routed to by area", unitId).isEqualTo(Unit.ROUTED_BY_AREA);
        reached.add(unitId);
      }
    }
    assertThat(REFERENCE.categories()).hasSizeBetween(20, 40);
    assertThat(reached).as("units the decision reaches = units the registry says it routes to")
        .isEqualTo(idsWithRouting(Unit.ROUTED_BY_AREA));
  }

  @Test
  void unitsNotBoundToAnAreaAreSaidSoAndAssignedOnlyByTheIoc() {
    Set<String> onRequest = idsWithRouting(Unit.ON_REQUEST);

    assertThat(onRequest).contains("vnpttth", "viettelhue", "stc", "vpubnd");
    assertThat(onRequest.size() + idsWithRouting(Unit.ROUTED_BY_AREA).size()).isEqualTo(UNITS.all().size());
  }

  @Test
  void registryHoldsTheUnitsOfThuaThienHue() {
    assertThat(UNITS.all()).hasSize(226);
    assertThat(UNITS.all().stream().filter(Unit::isEnterprise)).hasSize(33);
    assertThat(UNITS.all().stream().filter(u -> !u.isEnterprise())).hasSize(193);
    assertThat(UNITS.all().stream().filter(u -> u.kind().equals("DISTRICT_PEOPLES_COMMITTEE"))).hasSize(9);
    assertThat(UNITS.all()).allSatisfy(unit -> {
      assertThat(unit.id()).as("a Camunda group id").matches("[a-z0-9]+");
      assertThat(unit.mailbox()).as("mailbox of %s", unit.id()).matches("[^@\\s]+@[^@\\s]+\\.[a-z]+");
      if (!unit.parentId().isEmpty()) {
        assertThat(UNITS.find(unit.parentId())).as("parent of %s", unit.id()).isPresent();
      }
    });
  }

  @Test
  void everyWardHasItsOwnPeoplesCommitteeUnderItsDistrict() {
    for (Ward ward : REFERENCE.wards()) {
      Set<Unit> committees = UNITS.all().stream()
          .filter(u -> u.kind().equals("COMMUNE_PEOPLES_COMMITTEE") && u.area().equals(ward.code()))
          .collect(Collectors.toSet());
      assertThat(committees).as("People's Committee of %s", ward.name()).hasSize(1);
      Unit committee = committees.iterator().next();
      assertThat(UNITS.find(committee.parentId()).orElseThrow().area()).isEqualTo(ward.districtCode());
      // and the routing decision agrees with the registry
      assertThat((String) route("SIDEWALK_ENCROACHMENT", ward).getSingleEntry()).isEqualTo(committee.id());
    }
    assertThat(REFERENCE.wards()).hasSize(141);
  }

  /** The process refuses unknown categories before routing; the decision has no sector for them. */
  @Test
  void unknownCategoryHasNoSector() {
    assertThatThrownBy(() -> route("SPACESHIP", REFERENCE.wards().iterator().next()))
        .isInstanceOf(DmnEngineException.class).hasMessageContaining("sector");
  }

  private static DmnDecisionResult route(String category, Ward ward) {
    return dmn.evaluateDecision(routing, Map.of("category", category, "districtCode", ward.districtCode(), "wardCode", ward.code()));
  }

  private static Set<String> idsWithRouting(String routing) {
    return UNITS.all().stream().filter(u -> u.routing().equals(routing)).map(Unit::id).collect(Collectors.toSet());
  }
}
