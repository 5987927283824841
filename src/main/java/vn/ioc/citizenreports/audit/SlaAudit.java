package vn.ioc.citizenreports.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import vn.ioc.citizenreports.reference.ReferenceData;
import vn.ioc.citizenreports.routing.Unit;
import vn.ioc.citizenreports.routing.UnitRegistry;
import vn.ioc.citizenreports.stats.ReportingPeriod;
import vn.ioc.citizenreports.stats.Scorecard;
import vn.ioc.citizenreports.stats.ScorecardQuery;
import vn.ioc.citizenreports.stats.UnitScore;

/** What the Cockpit plugin "Kiểm tra SLA" shows and exports; the plugin's resource only checks and calls. */
@Component
public class SlaAudit {

  /** An export larger than this is refused: narrow the period or the filters instead. */
  static final int MAX_EXPORTED_CASES = 100_000;

  // the caller owns the stream it gives: a finished export flushes it, never closes it
  private static final CsvMapper CSV = CsvMapper.builder().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).build();

  private final AuditCaseQuery cases;
  private final ScorecardQuery scorecards;
  private final UnitRegistry units;
  private final ReferenceData reference;
  private final Clock clock;

  SlaAudit(AuditCaseQuery cases, ScorecardQuery scorecards, UnitRegistry units, ReferenceData reference, Clock clock) {
    this.cases = cases;
    this.scorecards = scorecards;
    this.units = units;
    this.reference = reference;
    this.clock = clock;
  }

  /**
   * One page of a case list, with how many cases the filter finds in all; beyond
   * {@link AuditCaseQuery#COUNTED_AT_MOST}, that many and {@code moreThanTotal}.
   */
  public record CasePage(long total, boolean moreThanTotal, int first, int max, List<AuditCase> cases) {
  }

  /** The scorecard of a period with the units ranked, those above the minimum volume only. */
  public record RankedScorecard(Scorecard scorecard, int minimumReceived, List<UnitRanking.RankedUnit> ranking) {
  }

  /** Names for the codes the lists and scorecards carry, for the filters and the tables. */
  public record Reference(List<Named> units, List<Named> categories, List<Named> wards) {
  }

  /** A code with its Vietnamese and English names (the same where there is one name). */
  public record Named(String id, String nameVi, String nameEn) {
  }

  public CasePage cases(CaseFilter filter, int first, int max) {
    checkCodes(filter);
    Instant at = clock.instant();
    long counted = cases.count(filter, at, AuditCaseQuery.COUNTED_AT_MOST + 1);
    return new CasePage(Math.min(counted, AuditCaseQuery.COUNTED_AT_MOST), counted > AuditCaseQuery.COUNTED_AT_MOST,
        first, max, cases.page(filter, at, first, max));
  }

  public RankedScorecard scorecard(ReportingPeriod period, String unitId, int minimumReceived) {
    if (unitId != null && units.find(unitId).isEmpty()) {
      throw new IllegalArgumentException("unitId: no unit '" + unitId + "'");
    }
    Scorecard scorecard = scorecards.scorecard(period.from(), period.to(), clock.instant(), unitId);
    return new RankedScorecard(scorecard, minimumReceived, UnitRanking.of(scorecard.units(), minimumReceived));
  }

  public Reference reference() {
    List<Named> unitNames = units.all().stream().map(unit -> new Named(unit.id(), unit.name(), unit.name()))
        .sorted(Comparator.comparing(Named::nameVi)).toList();
    List<Named> categories = reference.categories().stream()
        .map(category -> new Named(category.code(), category.nameVi(), category.nameEn())).toList();
    List<Named> wards = reference.wards().stream()
        .map(ward -> new Named(ward.code(), ward.name() + " (" + ward.districtName() + ")",
            ward.name() + " (" + ward.districtName() + ")"))
        .sorted(Comparator.comparing(Named::nameVi)).toList();
    return new Reference(unitNames, categories, wards);
  }

  /** A CSV document, checked and ready to be written (UTF-8 with a byte order mark, for spreadsheets). */
  public interface CsvExport {
    void writeTo(Writer out) throws IOException;
  }

  /**
   * The cases as CSV, times in Huế's local time; refused before anything is written when the
   * filter is wrong or finds too many. The rows are read in one query (at most
   * {@link #MAX_EXPORTED_CASES}; the PostgreSQL driver holds them all before the first is written).
   */
  public CsvExport casesCsv(CaseFilter filter, CsvLanguage language) {
    checkCodes(filter);
    Instant at = clock.instant();
    if (cases.count(filter, at, MAX_EXPORTED_CASES + 1) > MAX_EXPORTED_CASES) {
      throw new IllegalArgumentException("The export holds at most " + MAX_EXPORTED_CASES
          + " cases and the filter finds more: narrow the period or the filters");
    }
    return out -> {
      try (SequenceWriter rows = csv(out, language.caseHeader())) {
        cases.each(filter, at, auditCase -> write(rows, new Object[] {
            auditCase.reportId(), auditCase.unitId(), unitName(auditCase.unitId()), auditCase.category(),
            auditCase.wardCode(), CsvLanguage.localTime(auditCase.submittedAt()), CsvLanguage.localTime(auditCase.dueAt()),
            language.yesNo(auditCase.extended()), auditCase.escalationLevel(), CsvLanguage.localTime(auditCase.answeredAt()),
            language.word(auditCase.outcome()), auditCase.hoursOverdue(), language.word(auditCase.rating()),
            language.yesNo(auditCase.running()), auditCase.processInstanceId()}));
      }
    };
  }

  /** The city's row, then one row per unit, with each unit's rank (blank below the minimum volume). */
  public CsvExport scorecardCsv(ReportingPeriod period, String unitId, int minimumReceived, CsvLanguage language) {
    RankedScorecard ranked = scorecard(period, unitId, minimumReceived);
    List<UnitScore> rows = new ArrayList<>();
    if (ranked.scorecard().city() != null) {
      rows.add(ranked.scorecard().city());
    }
    rows.addAll(ranked.scorecard().units());
    Map<String, Integer> ranks = ranked.ranking().stream()
        .collect(Collectors.toMap(UnitRanking.RankedUnit::unitId, UnitRanking.RankedUnit::rank));
    return out -> {
      try (SequenceWriter csv = csv(out, language.scorecardHeader())) {
        for (UnitScore row : rows) {
          write(csv, new Object[] {
              row.unitId() == null ? language.city() : row.unitId(), unitName(row.unitId()), ranks.get(row.unitId()),
              row.received(), row.processed(), row.processedPercent(), row.onTime(), row.lateWithExtension(), row.late(),
              row.inProgressOnTime(), row.inProgressOverdue(), row.ineligible(), row.awaitingVerification(),
              row.satisfied(), row.unsatisfied(), row.noRating(), row.averageHandlingHours(), row.p90HandlingHours(),
              row.reprimands()});
        }
      }
    };
  }

  private void checkCodes(CaseFilter filter) {
    if (filter.unitId() != null && units.find(filter.unitId()).isEmpty()) {
      throw new IllegalArgumentException("unitId: no unit '" + filter.unitId() + "'");
    }
    if (filter.category() != null && reference.category(filter.category()).isEmpty()) {
      throw new IllegalArgumentException("category: no category '" + filter.category() + "'");
    }
    if (filter.wardCode() != null && reference.ward(filter.wardCode()).isEmpty()) {
      throw new IllegalArgumentException("wardCode: no ward '" + filter.wardCode() + "'");
    }
  }

  private String unitName(String unitId) {
    return unitId == null ? "" : units.find(unitId).map(Unit::name).orElse("");
  }

  private static SequenceWriter csv(Writer out, List<String> header) throws IOException {
    out.write('\uFEFF');
    SequenceWriter rows = CSV.writer(CsvSchema.emptySchema()).writeValues(out);
    rows.write(header.toArray());
    return rows;
  }

  private static void write(SequenceWriter rows, Object[] row) {
    try {
      // an empty cell, not a missing one: Jackson would drop a null and shift the columns after it
      rows.write(Arrays.stream(row).map(cell -> cell == null ? "" : cell).toArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
