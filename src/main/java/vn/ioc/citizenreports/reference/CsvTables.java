package vn.ioc.citizenreports.reference;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Reads the reference tables shipped as CSV (header row, UTF-8) from the classpath. */
public final class CsvTables {

  private static final CsvMapper MAPPER = new CsvMapper();

  private CsvTables() {}

  public static <T> List<T> read(String resource, Class<T> rowType) {
    try (InputStream in = CsvTables.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Reference table missing from the classpath: " + resource);
      }
      CsvSchema schema = CsvSchema.emptySchema().withHeader();
      try (MappingIterator<T> rows = MAPPER.readerFor(rowType).with(schema).readValues(in)) {
        return rows.readAll();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read reference table " + resource, e);
    }
  }
}
