package vn.ioc.citizenreports.handling;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.ioc.citizenreports.report.Receipt;
import vn.ioc.citizenreports.report.ReportSubmission;
import vn.ioc.citizenreports.report.Reporter;

/**
 * The routing rules, at least one report per sector and per place rule, as a verified report
 * meets them: whose Tasklist queue it lands in.
 */
@Deployment(resources = {
    "processes/CitizenReportProcess.bpmn", "processes/MailDelivery.bpmn",
    "dmn/ReportRouting.dmn", "dmn/SlaPolicy.dmn"})
class RoutingRulesProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder("camunda-test.cfg.xml").build();

  private ProcessTestBeans beans;

  @BeforeEach
  void wireBeans() {
    init(engine.getProcessEngine());
    beans = new ProcessTestBeans(engine.getProcessEngine());
  }

  @AfterEach
  void resetBeans() {
    beans.reset();
    ClockUtil.reset();
  }

  @ParameterizedTest(name = "{3}")
  @CsvSource(delimiter = '|', textBlock = """
      ROAD_DAMAGE           | 19869 | sgtvt         | potholes on a road in Phú Thuận (Phú Vang) go to the Department of Transport
      ROAD_DAMAGE           | 19754 | ctgthue       | potholes in Phú Hội (Huế city) go to the city's road works company
      TRAFFIC_SIGNS         | 19991 | qldbtth       | a fallen road sign anywhere goes to the road maintenance company
      SIDEWALK_ENCROACHMENT | 19754 | ubndpphuhoi   | a blocked sidewalk in Phú Hội goes to the ward's People's Committee
      OTHER                 | 19998 | ubndxthuonglong | anything else goes to the commune's People's Committee (Thượng Long)
      ILLEGAL_CONSTRUCTION  | 19998 | ubndnamdong   | illegal building in Thượng Long goes to the Nam Đông district People's Committee
      ILLEGAL_CONSTRUCTION  | 19754 | ubndhue       | illegal building in Huế goes to the city People's Committee
      WASTE                 | 19754 | hepco         | uncollected waste in Huế city goes to HEPCO
      WASTE                 | 19869 | mtphuvang     | uncollected waste in Phú Vang goes to its urban environment company
      STREET_LIGHTING       | 19767 | chieusanghue  | a dark street in Vĩnh Ninh (Huế) goes to the city lighting company
      STREET_LIGHTING       | 19991 | ubndnamdong   | a dark street in Khe Tre goes to the Nam Đông district
      TREES                 | 19767 | cvcxhue       | a fallen tree in Huế goes to the parks company
      PUBLIC_ORDER          | 19869 | caphuvang     | public order in Phú Vang goes to the Phú Vang police
      FIRE_HAZARD           | 19869 | cat           | a fire hazard goes to the provincial police
      FOREST                | 19991 | vqgbachma     | logging in Nam Đông goes to Bạch Mã National Park
      FOREST                | 19869 | kiemlam       | logging elsewhere goes to the forest rangers
      WATER_SUPPLY          | 19912 | huewaco       | no water in Hương Văn goes to the water company
      POWER_SUPPLY          | 19913 | pctth         | a power cut in Hương Vân goes to the power company
      TELECOM_CABLES        | 19754 | stttt         | hanging telecom cables go to the Department of Information and Communications
      HERITAGE_DAMAGE       | 19754 | ttbtdt        | damage to a monument goes to the Monuments Conservation Centre
      FOOD_SAFETY           | 19754 | ccatvstp      | food safety goes to the food safety authority
      BRIDGE_DAMAGE         | 19931 | sgtvt         | a damaged bridge in A Lưới goes to the Department of Transport
      BUS_SERVICE           | 19754 | xebuythue     | a bus complaint goes to the bus company
      RAILWAY_CROSSING      | 19891 | duongsathue   | a railway crossing in Phú Bài goes to the railway
      WATERWAY              | 19754 | cangvu        | boats on the Perfume River go to the inland waterway authority
      CONSTRUCTION_SAFETY   | 19754 | sxd           | an unsafe building site goes to the Department of Construction
      LAND_ENCROACHMENT     | 19961 | ubndphuloc    | public land taken in Phú Lộc goes to the Phú Lộc district
      TREES                 | 19831 | ubndquangdien | a fallen tree in Sịa goes to the Quảng Điền district
      NOISE                 | 19767 | ubndpvinhninh | karaoke noise in Vĩnh Ninh goes to the ward's People's Committee
      POLLUTION             | 19801 | stnmt         | factory smoke in Phong Điền goes to the Department of Natural Resources and Environment
      IRRIGATION            | 19869 | thuyloitth    | a broken canal goes to the irrigation company
      NATURAL_DISASTER      | 19931 | bchpctt       | a landslide goes to the disaster prevention command
      TOURISM_SERVICE       | 19754 | sdl           | overcharging tourists goes to the Department of Tourism
      HEALTH_SERVICE        | 19754 | syt           | a clinic goes to the Department of Health
      MARKET_FRAUD          | 19754 | qltt          | fake goods go to market surveillance
      ANIMAL_DISEASE        | 19911 | snnptnt       | sick pigs go to the Department of Agriculture
      EDUCATION             | 19754 | sgddt         | a school goes to the Department of Education
      SOCIAL_WELFARE        | 19754 | sldtbxh       | a child begging goes to the Department of Labour and Social Affairs
      CULTURE_EVENTS        | 19754 | svhtt         | a festival goes to the Department of Culture and Sports
      """)
  void verifiedReportLandsInTheResponsibleUnitsQueue(String category, String ward, String unit, String rule) {
    Receipt receipt = beans.intake.submit(new ReportSubmission(category, "Phản ánh " + category, ward, null, null, null,
        "APP", Reporter.ANONYMOUS));
    ProcessInstance report = processInstanceQuery().processInstanceBusinessKey(receipt.id()).singleResult();

    complete(task(ReportProcess.TASK_VERIFY_REPORT, report), withVariables("verification", "VALID"));

    assertThat(task(ReportProcess.TASK_HANDLE_REPORT, report)).hasCandidateGroup(unit);
    assertThat(report).variables().containsEntry("routedUnitId", unit).containsEntry("unitId", unit);
  }
}
