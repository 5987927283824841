package vn.ioc.citizenreports.reference;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Reads the reference tables shipped as CSV (header row, UTF-8, `#` comment lines) from the classpath. */
public final class CsvTables {

  private static final CsvMapper MAPPER = CsvMapper.builder().addModule(new JavaTimeModule()).build();

  private CsvTables() {}

  public static <T> List<T> read(String resource, Class<T> rowType) {
    try (InputStream in = CsvTables.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Reference table missing from the classpath: " + resource);
      }
      CsvSchema schema = CsvSchema.emptySchema().withHeader().withComments();
      try (MappingIterator<T> rows = MAPPER.readerFor(rowType).with(schema).readValues(in)) {
        return rows.readAll();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read reference table " + resource, e);
    }
  }
}
