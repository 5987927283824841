package vn.ioc.citizenreports.routing;

/**
 * A unit that handles reports: a state agency or an enterprise. Its id is also its Camunda group
 * id, so the unit's staff find its reports in Tasklist.
 *
 * @param kind PROVINCIAL_AGENCY, POLICE, DISTRICT_PEOPLES_COMMITTEE, COMMUNE_PEOPLES_COMMITTEE or ENTERPRISE
 * @param parentId the unit above it (a commune's district), or empty
 * @param area what it serves: PROVINCE, a district code or a ward code
 * @param routing AREA when decision ReportRouting assigns it reports; ON_REQUEST when only the
 *     IOC assigns it one, by hand (e.g. telecom operators: a citizen cannot tell whose cable it is)
 */
public record Unit(String id, String name, String kind, String parentId, String area, String routing, String mailbox) {

  public static final String ROUTED_BY_AREA = "AREA";
  public static final String ON_REQUEST = "ON_REQUEST";

  public boolean isEnterprise() {
    return "ENTERPRISE".equals(kind);
  }
}
