package vn.ioc.citizenreports.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One real PostgreSQL server per test JVM (zonky's binaries from Maven Central), started on first
 * use and stopped when the JVM ends. Every caller gets a database of its own, so tests on
 * PostgreSQL never see each other's rows.
 */
public final class PostgresServer {

  private static final String SHARED_BUFFERS = "bench.postgres.shared-buffers";
  private static final AtomicInteger databases = new AtomicInteger();
  private static EmbeddedPostgres server;

  private PostgresServer() {
  }

  /** A new, empty database on the shared server. */
  public static synchronized Database newDatabase(String purpose) {
    String name = purpose.toLowerCase().replaceAll("[^a-z0-9]+", "_") + "_" + databases.incrementAndGet();
    try (Connection connection = server().getPostgresDatabase().getConnection();
         Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create database " + name, e);
    }
    return new Database(name, server.getPort());
  }

  /** The server's own "postgres" database, as superuser: to act on other databases. */
  public static synchronized DataSource administration() {
    return server().getPostgresDatabase();
  }

  private static EmbeddedPostgres server() {
    if (server == null) {
      try {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
            .setPGStartupWait(java.time.Duration.ofSeconds(60)) // a busy CI machine
            // tests and benchmarks count the statements the engine issues (CREATE EXTENSION in
            // their database), with room for every database's statements on this shared server
            .setServerConfig("shared_preload_libraries", "pg_stat_statements")
            .setServerConfig("pg_stat_statements.max", "20000");
        // a benchmark may try another size: -Dbench.postgres.shared-buffers=4GB (default 128 MB)
        String sharedBuffers = System.getProperty(SHARED_BUFFERS, "");
        if (!sharedBuffers.isBlank()) {
          builder.setServerConfig("shared_buffers", sharedBuffers);
        }
        server = builder.start();
      } catch (IOException e) {
        throw new UncheckedIOException("could not start the embedded PostgreSQL server", e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(PostgresServer::stop, "postgres-server-stop"));
    }
    return server;
  }

  private static synchronized void stop() {
    try {
      server.close();
    } catch (IOException e) {
      // the JVM is ending; the temporary data directory goes with the next cleanup
    }
  }

  /** One database on the server: where to connect, as the superuser the server was made with. */
  public record Database(String name, int port) {

    public String jdbcUrl() {
      return "jdbc:postgresql://localhost:" + port + "/" + name;
    }

    public String user() {
      return "postgres";
    }

    /** A new connection at every use: for setting a database up; to time queries, {@link #pool()}. */
    public DataSource dataSource() {
      PGSimpleDataSource dataSource = new PGSimpleDataSource();
      dataSource.setURL(jdbcUrl());
      dataSource.setUser(user());
      return dataSource;
    }

    /**
     * Connections kept open, as the application's HikariCP pool keeps them. A new connection costs
     * PostgreSQL a new server process that loads its catalog caches again: tens of milliseconds a
     * query on the benchmarks' machine (docs/BENCHMARKS.md, Queues and audit, step 9), which a query
     * timed through {@link #dataSource()} would count.
     */
    public HikariDataSource pool() {
      HikariDataSource pool = new HikariDataSource();
      pool.setJdbcUrl(jdbcUrl());
      pool.setUsername(user());
      pool.setMaximumPoolSize(2);
      return pool;
    }
  }
}
