package vn.ioc.citizenreports.audit;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginResource;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import vn.ioc.citizenreports.stats.ReportingPeriod;
import vn.ioc.citizenreports.stats.Scorecard;

/**
 * The plugin's REST resource: the same readers as {@code /api/stats} (leaders, the IOC,
 * administrators), 400 with the parameter named for a bad filter.
 */
public class SlaAuditResource extends AbstractCockpitPluginResource {

  static final int DEFAULT_PAGE = 50;
  static final int MAX_PAGE = 500;
  static final int DEFAULT_MINIMUM_RECEIVED = 20;
  private static final String CSV = "text/csv; charset=UTF-8";

  private final SlaAudit audit;

  SlaAuditResource(String engineName, SlaAudit audit) {
    super(engineName);
    this.audit = audit;
  }

  @GET
  @Path("cases")
  @Produces(MediaType.APPLICATION_JSON)
  public SlaAudit.CasePage cases(@QueryParam("kind") String kind, @QueryParam("from") String from,
      @QueryParam("to") String to, @QueryParam("unitId") String unitId, @QueryParam("category") String category,
      @QueryParam("wardCode") String wardCode, @QueryParam("escalationLevel") String escalationLevel,
      @QueryParam("outcome") String outcome, @QueryParam("state") String state,
      @QueryParam("firstResult") String firstResult, @QueryParam("maxResults") String maxResults) {
    requireReader();
    return checked(() -> audit.cases(
        CaseFilter.of(kind, from, to, unitId, category, wardCode, escalationLevel, outcome, state),
        number("firstResult", firstResult, 0, 0, Integer.MAX_VALUE),
        number("maxResults", maxResults, DEFAULT_PAGE, 1, MAX_PAGE)));
  }

  @GET
  @Path("cases.csv")
  @Produces(CSV)
  public Response casesCsv(@QueryParam("kind") String kind, @QueryParam("from") String from,
      @QueryParam("to") String to, @QueryParam("unitId") String unitId, @QueryParam("category") String category,
      @QueryParam("wardCode") String wardCode, @QueryParam("escalationLevel") String escalationLevel,
      @QueryParam("outcome") String outcome, @QueryParam("state") String state, @QueryParam("lang") String lang) {
    requireReader();
    CaseFilter filter = checked(() -> CaseFilter.of(kind, from, to, unitId, category, wardCode, escalationLevel,
        outcome, state));
    SlaAudit.CsvExport export = checked(() -> audit.casesCsv(filter, CsvLanguage.of(lang)));
    // the dates are valid ISO dates by now, safe in a header
    return csv(export, "sla-" + filter.kind().name().toLowerCase(Locale.ROOT) + "-" + from + "-" + to + ".csv");
  }

  @GET
  @Path("scorecard")
  @Produces(MediaType.APPLICATION_JSON)
  public SlaAudit.RankedScorecard scorecard(@QueryParam("from") String from, @QueryParam("to") String to,
      @QueryParam("unitId") String unitId, @QueryParam("minimumReceived") String minimumReceived) {
    requireReader();
    return checked(() -> audit.scorecard(ReportingPeriod.of(from, to), blankToNull(unitId),
        number("minimumReceived", minimumReceived, DEFAULT_MINIMUM_RECEIVED, 1, 1_000_000)));
  }

  @GET
  @Path("scorecard.csv")
  @Produces(CSV)
  public Response scorecardCsv(@QueryParam("from") String from, @QueryParam("to") String to,
      @QueryParam("unitId") String unitId, @QueryParam("minimumReceived") String minimumReceived,
      @QueryParam("lang") String lang) {
    requireReader();
    SlaAudit.CsvExport export = checked(() -> audit.scorecardCsv(ReportingPeriod.of(from, to), blankToNull(unitId),
        number("minimumReceived", minimumReceived, DEFAULT_MINIMUM_RECEIVED, 1, 1_000_000), CsvLanguage.of(lang)));
    return csv(export, "scorecard-" + from + "-" + to + ".csv");
  }

  @GET
  @Path("reference")
  @Produces(MediaType.APPLICATION_JSON)
  public SlaAudit.Reference reference() {
    requireReader();
    return audit.reference();
  }

  /** Cockpit already refused anyone not logged in; the audit is for the scorecard's readers only. */
  private void requireReader() {
    Authentication user = getCurrentAuthentication();
    if (user == null) {
      throw new InvalidRequestException(Response.Status.UNAUTHORIZED, "Log in to Cockpit first");
    }
    List<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
    if (groups.stream().noneMatch(Scorecard.READERS::contains)) {
      throw new InvalidRequestException(Response.Status.FORBIDDEN,
          "The SLA audit is for the groups " + String.join(", ", Scorecard.READERS));
    }
  }

  private static <T> T checked(Supplier<T> call) {
    try {
      return call.get();
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(Response.Status.BAD_REQUEST, e.getMessage());
    }
  }

  private static Response csv(SlaAudit.CsvExport export, String fileName) {
    StreamingOutput body = output -> {
      Writer writer = new OutputStreamWriter(output, StandardCharsets.UTF_8);
      export.writeTo(writer);
      writer.flush();
    };
    return Response.ok(body, CSV).header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
  }

  private static int number(String name, String value, int absent, int min, int max) {
    if (value == null || value.isBlank()) {
      return absent;
    }
    try {
      int number = Integer.parseInt(value.strip());
      if (number < min || number > max) {
        throw new IllegalArgumentException(name + ": from " + min + " to " + max + ", not " + number);
      }
      return number;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + ": not a whole number: '" + value + "'");
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
