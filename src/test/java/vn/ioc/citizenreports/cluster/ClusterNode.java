package vn.ioc.citizenreports.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import vn.ioc.citizenreports.CitizenReportsApplication;
import vn.ioc.citizenreports.database.PostgresServer;
import vn.ioc.citizenreports.testing.HttpJson;

/**
 * One node of the cluster: the application in a JVM of its own, as operators run it (postgres
 * profile, job executor on), on the shared database. Spoken to over HTTP only, and killed the
 * hard way when a test says so.
 */
public final class ClusterNode implements AutoCloseable {

  /** Camunda's default: a job a node took is not taken by another for five minutes. */
  static final Duration DEFAULT_LOCK_TIME = Duration.ofMinutes(5);
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  final String name;
  private final int port = freePort();
  private final int managementPort = freePort();
  private final Process process;

  private ClusterNode(String name, PostgresServer.Database database, int smtpPort, Path evidence, Path logDir,
      Map<String, String> settings) throws IOException {
    this.name = name;
    List<String> command = new ArrayList<>(List.of(
        ProcessHandle.current().info().command().orElse("java"), "-Xmx768m", "-XX:TieredStopAtLevel=1",
        "-cp", testClassPath(),
        CitizenReportsApplication.class.getName(),
        "--spring.profiles.active=postgres,demo",
        "--spring.main.banner-mode=off",
        "--server.port=" + port,
        "--management.server.port=" + managementPort,
        "--spring.mail.host=127.0.0.1",
        "--spring.mail.port=" + smtpPort,
        // the job log says which node ran each job
        "--camunda.bpm.generic-properties.properties.hostname=" + name,
        "--citizen-reports.evidence.directory=" + evidence,
        // the test posts a thousand requests from one address
        "--citizen-reports.rate-limit.submissions-per-hour=1000000",
        "--citizen-reports.rate-limit.reads-per-minute=1000000"));
    settings.forEach((key, value) -> command.add("--" + key + "=" + value));
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(logDir.resolve(name + ".log").toFile());
    builder.environment().put("DATABASE_URL", database.jdbcUrl());
    builder.environment().put("DATABASE_USER", database.user());
    builder.environment().put("DATABASE_PASSWORD", "");
    this.process = builder.start();
  }

  static ClusterNode start(String name, PostgresServer.Database database, int smtpPort, Path evidence, Path logDir) {
    return start(name, database, smtpPort, evidence, logDir, DEFAULT_LOCK_TIME);
  }

  /** A node whose job locks expire after lockTime: what another node waits for once it died. */
  static ClusterNode start(String name, PostgresServer.Database database, int smtpPort, Path evidence, Path logDir,
      Duration lockTime) {
    return start(name, database, smtpPort, evidence, logDir,
        Map.of("camunda.bpm.job-execution.lock-time-in-millis", String.valueOf(lockTime.toMillis())));
  }

  /** A node with these settings (property → value) over the cluster's job executor settings. */
  public static ClusterNode start(String name, PostgresServer.Database database, int smtpPort, Path evidence, Path logDir,
      Map<String, String> settings) {
    Map<String, String> merged = new java.util.TreeMap<>(Map.of(
        "camunda.bpm.job-execution.lock-time-in-millis", String.valueOf(DEFAULT_LOCK_TIME.toMillis()),
        "camunda.bpm.job-execution.max-jobs-per-acquisition", "10",
        // an idle job executor polls at most every 5 s (default 60 s), so both wake for a burst
        "camunda.bpm.job-execution.max-wait", "5000"));
    merged.putAll(settings);
    try {
      Files.createDirectories(logDir);
      ClusterNode node = new ClusterNode(name, database, smtpPort, evidence, logDir, merged);
      try {
        node.awaitReady(Duration.ofMinutes(3));
      } catch (RuntimeException notReady) {
        node.kill(); // no stray JVM on the shared database
        throw notReady;
      }
      return node;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void awaitReady(Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " ended with exit code " + process.exitValue() + "; see target/cluster/" + name + ".log");
      }
      try {
        HttpRequest readiness = HttpRequest.newBuilder(management("/actuator/health/readiness")).GET().build();
        if (HttpJson.send(HTTP, readiness).statusCode() == 200) {
          return;
        }
      } catch (UncheckedIOException notYet) {
        // still starting
      }
      pause(Duration.ofMillis(500));
    }
    throw new IllegalStateException(name + " not ready after " + timeout);
  }

  /** The lock owner this node's job executor writes into the jobs it takes. */
  String lockOwner() {
    return health().path("components").path("jobExecutor").path("details").path("jobExecutor").path("lockOwner").asText();
  }

  JsonNode health() {
    return HttpJson.read(HttpJson.send(HTTP, HttpRequest.newBuilder(management("/actuator/health")).GET().build()).body());
  }

  /** Kills the JVM at once (SIGKILL): no shutdown hook, no graceful end of running jobs. */
  void kill() {
    process.destroyForcibly();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(Duration.ofSeconds(30).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
        kill();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ------------------------------------------------------------------ HTTP

  public JsonNode post(String path, Object body, String user) {
    HttpResponse<String> response = HttpJson.send(HTTP, request(path, user)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(HttpJson.write(body))).build());
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(name + " POST " + path + ": " + response.statusCode() + " " + response.body());
    }
    return HttpJson.read(response.body());
  }

  JsonNode get(String path, String user) {
    HttpResponse<String> response = HttpJson.send(HTTP, request(path, user).GET().build());
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(name + " GET " + path + ": " + response.statusCode() + " " + response.body());
    }
    return HttpJson.read(response.body());
  }

  /** Completes the one open task of that step for that report, as the given user. */
  public void completeTask(String reportId, String taskDefinitionKey, String user, Map<String, Object> variables) {
    JsonNode tasks = get("/engine-rest/task?processInstanceBusinessKey=" + reportId
        + "&taskDefinitionKey=" + taskDefinitionKey, user);
    if (tasks.size() != 1) {
      throw new IllegalStateException(reportId + ": expected one " + taskDefinitionKey + " task, found " + tasks.size());
    }
    Map<String, Object> typed = new java.util.LinkedHashMap<>();
    variables.forEach((variable, value) -> typed.put(variable, Map.of("value", value)));
    post("/engine-rest/task/" + tasks.get(0).path("id").asText() + "/complete", Map.of("variables", typed), user);
  }

  /** Deploys one BPMN file through the engine's REST API, as the given user. */
  void deploy(String fileName, String bpmn, String user) {
    String boundary = "deployment-" + System.nanoTime();
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + fileName
        + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileName + "\"; filename=\"" + fileName
        + "\"\r\nContent-Type: application/xml\r\n\r\n" + bpmn + "\r\n--" + boundary + "--\r\n";
    HttpResponse<String> response = HttpJson.send(HTTP, request("/engine-rest/deployment/create", user)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(name + " deploy " + fileName + ": " + response.statusCode() + " " + response.body());
    }
  }

  private HttpRequest.Builder request(String path, String user) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(30));
    if (user != null) {
      // demo users all have the password demo
      String credentials = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
      request.header("Authorization", "Basic " + credentials);
    }
    return request;
  }

  private URI management(String path) {
    return URI.create("http://127.0.0.1:" + managementPort + path);
  }

  static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * The test JVM's class path without empty entries: an empty entry means the working directory,
   * where the deployment scan would find processes/ a second time.
   */
  private static String testClassPath() {
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return java.util.Arrays.stream(classPath.split(java.io.File.pathSeparator))
        .filter(entry -> !entry.isBlank())
        .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
