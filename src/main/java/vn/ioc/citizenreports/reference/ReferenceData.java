package vn.ioc.citizenreports.reference;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Categories and wards, loaded once from {@code reference/*.csv}. */
@Component
public class ReferenceData {

  private final Map<String, Category> categories;
  private final Map<String, Ward> wards;

  public ReferenceData() {
    this(CsvTables.read("reference/categories.csv", Category.class),
        CsvTables.read("reference/wards.csv", Ward.class));
  }

  public ReferenceData(List<Category> categories, List<Ward> wards) {
    this.categories = index(categories, Category::code);
    this.wards = index(wards, Ward::code);
  }

  public Optional<Category> category(String code) {
    return Optional.ofNullable(code).map(categories::get);
  }

  public Optional<Ward> ward(String code) {
    return Optional.ofNullable(code).map(wards::get);
  }

  public Collection<Category> categories() {
    return categories.values();
  }

  public Collection<Ward> wards() {
    return wards.values();
  }

  private static <T> Map<String, T> index(List<T> rows, Function<T, String> key) {
    return Collections.unmodifiableMap(rows.stream()
        .collect(Collectors.toMap(key, Function.identity(), (a, b) -> {
          throw new IllegalStateException("Duplicate reference code " + key.apply(a));
        }, LinkedHashMap::new)));
  }
}
