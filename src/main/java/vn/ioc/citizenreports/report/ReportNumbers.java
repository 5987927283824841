package vn.ioc.citizenreports.report;

import java.sql.DatabaseMetaData;
import java.time.Instant;
import java.time.ZoneId;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;
import org.springframework.stereotype.Component;

/**
 * Report ids like {@code PA-2026-000123}: the year of submission (Vietnam time) and a number from
 * one database sequence, so ids are unique across nodes and never reused.
 */
@Component
public class ReportNumbers {

  static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final String SEQUENCE = "report_number_seq";

  private final DataFieldMaxValueIncrementer sequence;

  public ReportNumbers(DataSource dataSource) {
    this.sequence = incrementerFor(dataSource);
  }

  public String next(Instant submittedAt) {
    return "PA-%d-%06d".formatted(submittedAt.atZone(VIETNAM).getYear(), sequence.nextLongValue());
  }

  private static DataFieldMaxValueIncrementer incrementerFor(DataSource dataSource) {
    try {
      String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
      return switch (product) {
        case "PostgreSQL" -> new PostgresSequenceMaxValueIncrementer(dataSource, SEQUENCE);
        case "H2" -> new H2SequenceMaxValueIncrementer(dataSource, SEQUENCE);
        default -> throw new IllegalStateException("Unsupported database for report numbers: " + product);
      };
    } catch (org.springframework.jdbc.support.MetaDataAccessException e) {
      throw new IllegalStateException("Cannot read the database product name", e);
    }
  }
}
