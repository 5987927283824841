package vn.ioc.citizenreports.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import javax.sql.DataSource;

/**
 * Many process instances in little time: one real instance's rows (every runtime table, its task's
 * identity links and authorizations, its variables' byte arrays, its report row and, if asked, its
 * history) copied with {@code INSERT … SELECT … FROM generate_series}, one statement per template
 * row. Every id the template's rows hold (their own ids, activity instance ids) gets the suffix
 * {@code -n}, so copy n references its own rows only; shared rows (definitions, deployments, job
 * definitions) are referenced, not copied. Other values stay as they are unless {@code values}
 * maps them (a whole string, wherever it stands: the business key, the unit) or {@code columns}
 * gives a table's column an expression of its own; both are SQL over {@code n}. PostgreSQL only.
 */
public final class InstanceCopies {

  private static final int ID_LENGTH = 64;
  private static final List<String> INSTANCE_COLUMNS = List.of("root_proc_inst_id_", "proc_inst_id_", "process_instance_id_");

  private final DataSource dataSource;
  private final String processInstanceId;
  private final boolean history;
  private final Map<String, String> values = new LinkedHashMap<>();
  private final Map<String, String> columns = new LinkedHashMap<>();

  private InstanceCopies(DataSource dataSource, String processInstanceId, boolean history) {
    this.dataSource = dataSource;
    this.processInstanceId = processInstanceId;
    this.history = history;
  }

  /** Copies of the instance's runtime rows and report row; with its history when {@code history}. */
  public static InstanceCopies of(DataSource dataSource, String processInstanceId, boolean history) {
    return new InstanceCopies(dataSource, processInstanceId, history);
  }

  /** Wherever a string column holds exactly {@code value}, copy n holds {@code expression} instead. */
  public InstanceCopies replace(String value, String expression) {
    values.put(value, expression);
    return this;
  }

  /** Column {@code table.column} of every copy is {@code expression}. */
  public InstanceCopies column(String table, String column, String expression) {
    columns.put(table + "." + column, expression);
    return this;
  }

  /** Inserts copies {@code from} to {@code to} (inclusive); returns the rows written. */
  public long insert(int from, int to) {
    try (Connection connection = dataSource.getConnection()) {
      Map<String, List<Map<String, Typed>>> template = templateRows(connection);
      Map<String, String> ids = shortened(ids(template), String.valueOf(to).length() + 1);
      long rows = 0;
      for (String table : referencedFirst(template.keySet())) {
        for (Map<String, Typed> row : parentsFirst(template.get(table))) {
          rows += insertCopies(connection, table, row, ids, from, to);
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException("could not copy process instance " + processInstanceId, e);
    }
  }

  private Map<String, List<Map<String, Typed>>> templateRows(Connection connection) throws SQLException {
    Map<String, List<Map<String, Typed>>> rows = new LinkedHashMap<>();
    Map<String, Set<String>> tableColumns = tableColumns(connection);
    // the instance's own rows first: the task ids and byte array ids they name select the rest
    for (Map.Entry<String, Set<String>> table : tableColumns.entrySet()) {
      String name = table.getKey();
      if (name.startsWith("act_hi_") && !history || name.equals("act_ru_authorization") || name.equals("act_ge_bytearray")) {
        continue;
      }
      List<String> conditions = INSTANCE_COLUMNS.stream().filter(table.getValue()::contains).map(c -> c + " = ?").toList();
      if (!conditions.isEmpty()) {
        rows.put(name, select(connection, name, String.join(" OR ", conditions), conditions.size()));
      }
    }
    rows.put("report", select(connection, "report", "process_instance_id = ?", 1));
    Set<String> taskIds = valuesOf(rows.get("act_ru_task"), "id_");
    rows.put("act_ru_identitylink", selectIn(connection, "act_ru_identitylink", "task_id_", taskIds));
    Set<String> resources = new HashSet<>(taskIds);
    resources.addAll(valuesOf(rows.get("act_ru_execution"), "id_"));
    rows.put("act_ru_authorization", selectIn(connection, "act_ru_authorization", "resource_id_", resources));
    Set<String> byteArrays = new HashSet<>();
    rows.values().forEach(table -> byteArrays.addAll(valuesOf(table, "bytearray_id_")));
    rows.put("act_ge_bytearray", selectIn(connection, "act_ge_bytearray", "id_", byteArrays));
    rows.values().removeIf(List::isEmpty);
    return rows;
  }

  /** The tables other tables' foreign keys point to come first. */
  private static List<String> referencedFirst(Set<String> tables) {
    List<String> ordered = new ArrayList<>(List.of("act_ge_bytearray", "act_ru_execution", "act_ru_task"));
    ordered.retainAll(tables);
    tables.stream().filter(table -> !ordered.contains(table)).forEach(ordered::add);
    return ordered;
  }

  /** Executions point to their parent: a parent's row is written before its children's. */
  private static List<Map<String, Typed>> parentsFirst(List<Map<String, Typed>> rows) {
    List<Map<String, Typed>> ordered = new ArrayList<>();
    Set<Object> written = new HashSet<>();
    written.add(null);
    while (ordered.size() < rows.size()) {
      for (Map<String, Typed> row : rows) {
        Typed parent = row.get("parent_id_");
        if (!ordered.contains(row) && (parent == null || written.contains(parent.value()))) {
          ordered.add(row);
          written.add(row.get("id_") == null ? null : row.get("id_").value());
        }
      }
    }
    return ordered;
  }

  private static Map<String, Set<String>> tableColumns(Connection connection) throws SQLException {
    Map<String, Set<String>> tables = new LinkedHashMap<>();
    try (PreparedStatement statement = connection.prepareStatement("""
        SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = current_schema() AND (table_name LIKE 'act\\_ru\\_%' OR table_name LIKE 'act\\_hi\\_%')
        ORDER BY table_name""");
         ResultSet result = statement.executeQuery()) {
      while (result.next()) {
        tables.computeIfAbsent(result.getString(1), table -> new HashSet<>()).add(result.getString(2));
      }
    }
    return tables;
  }

  private List<Map<String, Typed>> select(Connection connection, String table, String condition, int parameters)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("SELECT * FROM " + table + " WHERE " + condition)) {
      for (int i = 1; i <= parameters; i++) {
        statement.setString(i, processInstanceId);
      }
      return rows(statement);
    }
  }

  private static List<Map<String, Typed>> selectIn(Connection connection, String table, String column, Set<String> keys)
      throws SQLException {
    if (keys.isEmpty()) {
      return List.of();
    }
    try (PreparedStatement statement = connection.prepareStatement(
        "SELECT * FROM " + table + " WHERE " + column + " = ANY (?)")) {
      statement.setArray(1, connection.createArrayOf("varchar", keys.toArray()));
      return rows(statement);
    }
  }

  /** The rows, each value with its column's type, which the copies' parameters are cast to (a null has none). */
  private static List<Map<String, Typed>> rows(PreparedStatement statement) throws SQLException {
    List<Map<String, Typed>> rows = new ArrayList<>();
    try (ResultSet result = statement.executeQuery()) {
      ResultSetMetaData meta = result.getMetaData();
      while (result.next()) {
        Map<String, Typed> row = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          row.put(meta.getColumnName(i), new Typed(meta.getColumnTypeName(i), result.getObject(i)));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  private record Typed(String type, Object value) {
  }

  private static Set<String> valuesOf(List<Map<String, Typed>> rows, String column) {
    Set<String> values = new HashSet<>();
    if (rows != null) {
      for (Map<String, Typed> row : rows) {
        if (row.get(column) != null && row.get(column).value() instanceof String value) {
          values.add(value);
        }
      }
    }
    return values;
  }

  /** The template's own ids: every row's id and every activity instance id, which copies must not share. */
  private static Set<String> ids(Map<String, List<Map<String, Typed>>> template) {
    Set<String> ids = new HashSet<>();
    for (Map.Entry<String, List<Map<String, Typed>>> table : template.entrySet()) {
      if (table.getKey().equals("report")) {
        continue; // its id is the business key, which replace(…) maps
      }
      for (Map<String, Typed> row : table.getValue()) {
        row.forEach((column, typed) -> {
          if (typed.value() instanceof String id && (column.equals("id_") || column.endsWith("act_inst_id_"))) {
            ids.add(id);
          }
        });
      }
    }
    return ids;
  }

  /** Each id cut so that it still fits the engine's 64 characters with its suffix; none may then be equal. */
  private static Map<String, String> shortened(Set<String> ids, int suffixLength) {
    Map<String, String> bases = new java.util.HashMap<>();
    for (String id : ids) {
      bases.put(id, id.length() + suffixLength <= ID_LENGTH ? id : id.substring(0, ID_LENGTH - suffixLength));
    }
    if (new HashSet<>(bases.values()).size() != ids.size()) {
      throw new IllegalStateException("two ids of the template are equal once shortened");
    }
    return bases;
  }

  private long insertCopies(Connection connection, String table, Map<String, Typed> row, Map<String, String> ids, int from, int to)
      throws SQLException {
    StringJoiner names = new StringJoiner(", ");
    StringJoiner expressions = new StringJoiner(", ");
    List<Object> parameters = new ArrayList<>();
    row.forEach((column, typed) -> {
      Object value = typed.value();
      names.add(column);
      String own = columns.get(table + "." + column);
      if (own != null) {
        expressions.add("(" + own + ")");
      } else if (value instanceof String text && ids.containsKey(text)) {
        expressions.add("CAST(? AS varchar) || '-' || n");
        parameters.add(ids.get(text));
      } else if (value instanceof String text && values.containsKey(text)) {
        expressions.add("(" + values.get(text) + ")");
      } else {
        expressions.add("CAST(? AS " + typed.type() + ")");
        parameters.add(value);
      }
    });
    String sql = "INSERT INTO " + table + " (" + names + ") SELECT " + expressions
        + " FROM generate_series(" + from + ", " + to + ") AS n";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.size(); i++) {
        statement.setObject(i + 1, parameters.get(i));
      }
      return statement.executeUpdate();
    }
  }
}
