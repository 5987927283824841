package vn.ioc.citizenreports.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.ioc.citizenreports.database.EngineSchemaScripts;
import vn.ioc.citizenreports.database.PostgresServer;
import vn.ioc.citizenreports.report.BenchmarkReports;
import vn.ioc.citizenreports.testing.Load;

/**
 * Benchmark 4, footprint: the packaged application ({@code java -jar}, postgres profile, as
 * production runs it) on a fresh PostgreSQL database, per set of JVM flags: the time from the
 * JVM's start to ready (/actuator/health/readiness answers 200), the resident memory (RSS) once
 * idle, and the peak RSS under the intake load (reports with a photo, open loop).
 *
 * <p>Run: {@code mvn -B -q package -DskipTests && mvn -Pbench test-compile exec:exec@footprint}
 */
public final class FootprintBenchmark {

  /** The JVM flags compared; the first is the JVM's own choice on this machine. */
  private static final Map<String, List<String>> FLAG_SETS = new LinkedHashMap<>();

  static {
    FLAG_SETS.put("JVM defaults (G1, heap up to 1/4 of RAM)", List.of());
    FLAG_SETS.put("-Xmx384m -XX:+UseSerialGC", List.of("-Xmx384m", "-XX:+UseSerialGC"));
    FLAG_SETS.put("-Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1",
        List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
  }

  private static final Duration IDLE = Duration.ofSeconds(15);
  private static final Duration LOAD = Duration.ofSeconds(20);
  private static final double LOAD_PER_SECOND = 100;

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2)).build();
  private final BenchmarkReports reports = new BenchmarkReports();

  record Footprint(double startSeconds, double idleMegabytes, double loadedMegabytes, Load.Result load) {}

  public static void main(String[] args) throws Exception {
    Path jar = Path.of(args.length > 0 ? args[0] : "target/citizen-reports-0.1.0-SNAPSHOT.jar");
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: run mvn package -DskipTests first");
    }
    System.out.printf("Footprint of %s on PostgreSQL: %d runs per set of flags; idle %d s, then %.0f reports/s for %d s%n",
        jar.getFileName(), runs, IDLE.toSeconds(), LOAD_PER_SECOND, LOAD.toSeconds());
    FootprintBenchmark benchmark = new FootprintBenchmark();
    Map<String, List<Footprint>> results = new LinkedHashMap<>();
    // round by round, so that a busy moment of the machine does not fall on one set of flags only
    for (int run = 1; run <= runs; run++) {
      for (Map.Entry<String, List<String>> flags : FLAG_SETS.entrySet()) {
        Footprint footprint = benchmark.measure(jar, flags.getValue());
        System.out.printf("run %d  %-52s start %5.1f s  idle RSS %4.0f MB  peak RSS under load %4.0f MB  load: %s%n",
            run, flags.getKey(), footprint.startSeconds(), footprint.idleMegabytes(), footprint.loadedMegabytes(),
            footprint.load());
        results.computeIfAbsent(flags.getKey(), k -> new ArrayList<>()).add(footprint);
      }
    }
    System.out.printf("%nSummary over %d runs: median (min to max)%n", runs);
    results.forEach((flags, footprints) -> System.out.printf("%-52s start %s s, idle RSS %s MB, peak RSS under load %s MB%n",
        flags, Load.spread(footprints.stream().map(Footprint::startSeconds).toList(), "%.1f"),
        Load.spread(footprints.stream().map(Footprint::idleMegabytes).toList(), "%.0f"),
        Load.spread(footprints.stream().map(Footprint::loadedMegabytes).toList(), "%.0f")));
    System.exit(0); // the embedded PostgreSQL server stops in its shutdown hook
  }

  private Footprint measure(Path jar, List<String> flags) throws IOException {
    PostgresServer.Database database = PostgresServer.newDatabase("footprint");
    EngineSchemaScripts.createOn(database.dataSource());
    Path work = Files.createTempDirectory("footprint");
    int port = freePort();
    int managementPort = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(flags);
    command.addAll(List.of("-jar", jar.toAbsolutePath().toString(), "--server.port=" + port,
        "--management.server.port=" + managementPort));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(work.resolve("application.log").toFile());
    Map<String, String> environment = builder.environment();
    environment.put("SPRING_PROFILES_ACTIVE", "postgres");
    environment.put("DATABASE_URL", database.jdbcUrl());
    environment.put("DATABASE_USER", database.user());
    environment.put("DATABASE_PASSWORD", "");
    environment.put("ADMIN_PASSWORD", "benchmark-admin-password");
    environment.put("TRACKING_TOKEN_SECRET", "benchmark-tracking-secret");
    environment.put("EVIDENCE_DIRECTORY", work.resolve("evidence").toString());
    environment.put("RATE_LIMIT_SUBMISSIONS_PER_HOUR", "100000000");
    long launched = System.nanoTime();
    Process application = builder.start();
    try {
      awaitReady(application, URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/readiness"), work);
      double startSeconds = (System.nanoTime() - launched) / 1e9;
      Load.pause(IDLE);
      double idle = memory(application, "VmRSS");
      URI reportsUri = URI.create("http://127.0.0.1:" + port + "/api/reports");
      Load.Result load = Load.openLoop(LOAD_PER_SECOND, LOAD, 64, () -> reports.submit(http, reportsUri));
      return new Footprint(startSeconds, idle, memory(application, "VmHWM"), load);
    } finally {
      application.destroy();
      try {
        if (!application.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
          application.destroyForcibly().waitFor();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void awaitReady(Process application, URI readiness, Path work) {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (System.nanoTime() < deadline) {
      if (!application.isAlive()) {
        throw new IllegalStateException("the application ended; see " + work.resolve("application.log"));
      }
      try {
        HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(readiness).build(), HttpResponse.BodyHandlers.discarding());
        if (answer.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      Load.pause(Duration.ofMillis(100));
    }
    throw new IllegalStateException("not ready after 3 minutes; see " + work.resolve("application.log"));
  }

  /** A line of /proc/PID/status in megabytes: VmRSS now, VmHWM the peak since the start. */
  private static double memory(Process process, String field) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
      if (line.startsWith(field + ":")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
      }
    }
    throw new IllegalStateException(field + " not in /proc/" + process.pid() + "/status");
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
