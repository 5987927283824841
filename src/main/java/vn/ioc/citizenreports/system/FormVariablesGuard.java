package vn.ioc.citizenreports.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A user task's form says what its user decides; the rest of the report's variables are the
 * process's own (deadlines, escalation level, extension count, SLA outcome). Through the engine's
 * REST API, and the webapps' API Tasklist calls, a user could send any variable with a
 * completion, or set one on the task. This guard lets through only the keys of the fields the
 * task's (or start event's) Camunda Form lets the user fill in, and answers anything else with
 * 400, as the engine's REST API answers a bad request.
 */
class FormVariablesGuard extends OncePerRequestFilter {

  private static final String ENGINE_API = "(?:/engine-rest(?:/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)";
  private static final Pattern TASK_CALL = Pattern.compile(
      ENGINE_API + "/task/([^/]+)/(complete|submit-form|resolve|variables)(?:/([^/]+)(?:/data)?)?");
  private static final Pattern START_CALL = Pattern.compile(
      ENGINE_API + "/process-definition/(key/([^/]+)(?:/tenant-id/[^/]+)?|([^/]+))/(start|submit-form)");
  private static final int MAX_BODY_BYTES = 1024 * 1024;

  private final ObjectMapper json = new ObjectMapper();
  private final TaskService taskService;
  private final FormService formService;
  private final RepositoryService repositoryService;
  private final IdentityService identityService;
  /** Editable keys per deployed form, by process definition and activity. */
  private final Map<String, Optional<Set<String>>> editableKeys = new ConcurrentHashMap<>();

  FormVariablesGuard(TaskService taskService, FormService formService, RepositoryService repositoryService,
      IdentityService identityService) {
    this.taskService = taskService;
    this.formService = formService;
    this.repositoryService = repositoryService;
    this.identityService = identityService;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    Matcher task = TASK_CALL.matcher(path);
    Matcher start = START_CALL.matcher(path);
    boolean taskCall = task.matches();
    if (!(taskCall || start.matches()) || "GET".equals(request.getMethod())) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
    Optional<Set<String>> allowed = asSystem(() -> taskCall
        ? taskFormKeys(decode(task.group(1)))
        : startFormKeys(start.group(2) == null ? null : decode(start.group(2)), start.group(3)));
    if (allowed.isPresent()) {
      Set<String> sent = taskCall && task.group(2).equals("variables")
          ? variablesSetOnTheTask(task.group(3), body)
          : namesIn(body, "variables");
      sent.removeAll(allowed.get());
      if (!sent.isEmpty()) {
        refuse(response, "Variables that the form does not let the user set: " + String.join(", ", new TreeSet<>(sent)));
        return;
      }
    }
    chain.doFilter(new CachedBody(request, body), response);
  }

  /** The task's form keys, or empty when the task is unknown or has no Camunda Form. */
  private Optional<Set<String>> taskFormKeys(String taskId) {
    Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
    if (task == null || task.getProcessDefinitionId() == null) {
      return Optional.empty();
    }
    return editableKeys.computeIfAbsent(task.getProcessDefinitionId() + "/" + task.getTaskDefinitionKey(),
        key -> readForm(() -> formService.getDeployedTaskForm(taskId)));
  }

  private Optional<Set<String>> startFormKeys(String key, String id) {
    ProcessDefinition definition = key != null
        ? repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult()
        : repositoryService.createProcessDefinitionQuery().processDefinitionId(id).singleResult();
    if (definition == null) {
      return Optional.empty();
    }
    return editableKeys.computeIfAbsent(definition.getId() + "/start",
        ignored -> readForm(() -> formService.getDeployedStartForm(definition.getId())));
  }

  private Optional<Set<String>> readForm(FormSource form) {
    try (InputStream stream = form.open()) {
      Set<String> keys = new LinkedHashSet<>();
      collectEditableKeys(json.readTree(stream), keys);
      return Optional.of(keys);
    } catch (ProcessEngineException | IOException noCamundaForm) {
      return Optional.empty();
    }
  }

  private static void collectEditableKeys(JsonNode container, Set<String> keys) {
    for (JsonNode component : container.path("components")) {
      if (component.hasNonNull("key") && !component.path("disabled").asBoolean() && !component.path("readonly").asBoolean()) {
        keys.add(component.path("key").asText());
      }
      collectEditableKeys(component, keys);
    }
  }

  private Set<String> variablesSetOnTheTask(String nameInPath, byte[] body) throws IOException {
    if (nameInPath != null) {
      return new LinkedHashSet<>(Set.of(decode(nameInPath)));
    }
    Set<String> names = namesIn(body, "modifications");
    JsonNode deletions = readJson(body).path("deletions");
    deletions.forEach(name -> names.add(name.asText()));
    return names;
  }

  private Set<String> namesIn(byte[] body, String field) throws IOException {
    Set<String> names = new LinkedHashSet<>();
    Iterator<String> fields = readJson(body).path(field).fieldNames();
    fields.forEachRemaining(names::add);
    return names;
  }

  private JsonNode readJson(byte[] body) {
    try {
      return body.length == 0 ? json.createObjectNode() : json.readTree(body);
    } catch (IOException notJson) {
      // the engine's REST API answers malformed bodies itself
      return json.createObjectNode();
    }
  }

  /** Reads the form definitions whoever asks: the answer names only the caller's own variables. */
  private <T> T asSystem(java.util.function.Supplier<T> lookup) {
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return lookup.get();
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
    }
  }

  private void refuse(HttpServletResponse response, String message) throws IOException {
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(json.createObjectNode()
        .put("type", "InvalidRequestException").put("message", message).toString());
  }

  private static String decode(String pathSegment) {
    return URLDecoder.decode(pathSegment.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private interface FormSource {
    InputStream open();
  }

  /** The request with its body read once here and replayed to the REST API. */
  private static final class CachedBody extends HttpServletRequestWrapper {
    private final byte[] body;

    CachedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream bytes = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return bytes.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
          return bytes.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
          return bytes.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }
  }
}
