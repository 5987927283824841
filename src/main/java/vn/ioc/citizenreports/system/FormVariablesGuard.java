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
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A user task's form says what its user decides; the rest of the report's variables are the
 * process's own (deadlines, escalation level, extension count, SLA outcome). Through the engine's
 * REST API, and the webapps' API Tasklist calls, a user could send any variable with a
 * completion, set one on the task, end the task with a BPMN error, or start a report in the
 * middle of the process. For everyone but administrators this guard lets through only the keys
 * of the fields the task's (or start event's) Camunda Form lets the user fill in (400 otherwise,
 * as the engine's REST API answers a bad request), and refuses the calls that skip the process's
 * own steps (403), among them migration plans sent straight to the engine (403).
 */
class FormVariablesGuard extends OncePerRequestFilter {

  private static final String ENGINE_API = "(/engine-rest(?:/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)";
  private static final Pattern TASK_CALL = Pattern.compile(
      ENGINE_API + "/task/([^/]+)/(complete|submit-form|resolve|variables|localVariables|bpmnError|bpmnEscalation)"
          + "(?:/([^/]+)(?:/data)?)?");
  private static final Pattern DEFINITION_CALL = Pattern.compile(
      ENGINE_API + "/process-definition/(key/([^/]+)(?:/tenant-id/[^/]+)?|([^/]+))/(start|submit-form|restart|restart-async)");
  /** Designers may migrate, but only through /api/admin/migrations, whose plans keep tasks and variables. */
  private static final Pattern MIGRATION_CALL = Pattern.compile(ENGINE_API + "/migration(?:/.*)?");
  private static final Set<String> SKIPS_THE_PROCESS = Set.of("bpmnError", "bpmnEscalation", "restart", "restart-async");
  private static final String ADMINISTRATORS = "camunda-admin";
  private static final int MAX_BODY_BYTES = 1024 * 1024;

  private final ObjectMapper json = new ObjectMapper();
  private final TaskService taskService;
  private final FormService formService;
  private final RepositoryService repositoryService;
  private final IdentityService identityService;
  /** Editable keys per deployed form, by process definition and activity; only forms read fine. */
  private final Map<String, Set<String>> editableKeys = new ConcurrentHashMap<>();

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
    // the decoded path, as the REST API resolves it, trailing slashes and all
    String path = (request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo()))
        .replaceAll("/+$", "");
    if (MIGRATION_CALL.matcher(path).matches() && !"GET".equals(request.getMethod()) && !trusted(request, path)) {
      refuse(response, HttpServletResponse.SC_FORBIDDEN, "Only administrators may migrate through the engine's API: "
          + "move running reports with POST /api/admin/migrations, which maps every task and timer");
      return;
    }
    Matcher task = TASK_CALL.matcher(path);
    Matcher definition = DEFINITION_CALL.matcher(path);
    boolean taskCall = task.matches();
    boolean definitionCall = !taskCall && definition.matches();
    if (!(taskCall || definitionCall) || "GET".equals(request.getMethod()) || trusted(request, path)) {
      chain.doFilter(request, response);
      return;
    }
    String action = taskCall ? task.group(3) : definition.group(5);
    if (SKIPS_THE_PROCESS.contains(action)) {
      refuse(response, HttpServletResponse.SC_FORBIDDEN, "Only administrators may " + action + ": it skips the process's own steps");
      return;
    }
    byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
    if (body.length > MAX_BODY_BYTES) {
      refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "The request body is larger than 1 MB");
      return;
    }
    JsonNode sent = readJson(body);
    if (definitionCall && (sent.path("startInstructions").size() > 0
        || sent.path("skipCustomListeners").asBoolean() || sent.path("skipIoMappings").asBoolean())) {
      refuse(response, HttpServletResponse.SC_BAD_REQUEST, "A report starts at its start event, with its listeners");
      return;
    }
    Set<String> allowed;
    try {
      allowed = asSystem(() -> taskCall
          ? taskFormKeys(task.group(2))
          : startFormKeys(definition.group(3), definition.group(4)));
    } catch (ProcessEngineException | IllegalStateException formUnreadable) {
      refuse(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "The form of this step cannot be read now; try again");
      return;
    }
    if (allowed != null) {
      Set<String> names = taskCall && action.endsWith("ariables") ? variablesSetOnTheTask(task.group(4), sent) : namesIn(sent, "variables");
      names.removeAll(allowed);
      if (!names.isEmpty()) {
        refuse(response, HttpServletResponse.SC_BAD_REQUEST,
            "Variables that the form does not let the user set: " + String.join(", ", new TreeSet<>(names)));
        return;
      }
    }
    chain.doFilter(new CachedBody(request, body), response);
  }

  /**
   * Administrators pass; so do callers not logged in, whom the REST API or the webapps answer
   * with 401 themselves (this guard tells nobody whether a task exists).
   */
  private boolean trusted(HttpServletRequest request, String path) {
    List<String> groups;
    if (path.startsWith("/engine-rest")) {
      Authentication caller = identityService.getCurrentAuthentication();
      groups = caller == null || caller.getGroupIds() == null ? null : caller.getGroupIds();
    } else {
      var httpSession = request.getSession(false);
      Authentications session = httpSession == null ? null : AuthenticationUtil.getAuthsFromSession(httpSession);
      var caller = session == null ? null : session.getAuthenticationForProcessEngine("default");
      groups = caller instanceof UserAuthentication user ? user.getGroupIds() : null;
    }
    return groups == null || groups.contains(ADMINISTRATORS);
  }

  /** The task's editable form keys; none when it has no Camunda Form; null for an unknown task. */
  private Set<String> taskFormKeys(String taskId) {
    Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
    if (task == null || task.getProcessDefinitionId() == null) {
      return null; // the REST API answers 404 itself
    }
    var form = formService.getTaskFormData(taskId);
    return formKeys(task.getProcessDefinitionId() + "/" + task.getTaskDefinitionKey(),
        () -> formService.getDeployedTaskForm(taskId), form.getFormKey() != null || form.getCamundaFormRef() != null);
  }

  private Set<String> startFormKeys(String key, String id) {
    List<ProcessDefinition> definitions = key != null
        ? repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().list()
        : repositoryService.createProcessDefinitionQuery().processDefinitionId(id).list();
    if (definitions.size() != 1) {
      return null;
    }
    String definitionId = definitions.get(0).getId();
    var form = formService.getStartFormData(definitionId);
    return formKeys(definitionId + "/start", () -> formService.getDeployedStartForm(definitionId),
        form.getFormKey() != null || form.getCamundaFormRef() != null);
  }

  private Set<String> formKeys(String cacheKey, FormSource form, boolean hasForm) {
    if (!hasForm) {
      return Set.of(); // a step without a form sets nothing
    }
    Set<String> cached = editableKeys.get(cacheKey);
    if (cached != null) {
      return cached;
    }
    try (InputStream stream = form.open()) {
      Set<String> keys = new LinkedHashSet<>();
      collectEditableKeys(json.readTree(stream), keys);
      editableKeys.put(cacheKey, Set.copyOf(keys));
      return keys;
    } catch (IOException unreadable) {
      throw new IllegalStateException("form " + cacheKey + " unreadable", unreadable);
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

  private Set<String> variablesSetOnTheTask(String nameInPath, JsonNode sent) {
    if (nameInPath != null) {
      return new LinkedHashSet<>(Set.of(nameInPath));
    }
    Set<String> names = namesIn(sent, "modifications");
    sent.path("deletions").forEach(name -> names.add(name.asText()));
    return names;
  }

  private static Set<String> namesIn(JsonNode sent, String field) {
    Set<String> names = new LinkedHashSet<>();
    Iterator<String> fields = sent.path(field).fieldNames();
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

  private void refuse(HttpServletResponse response, int status, String message) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(json.createObjectNode()
        .put("type", status == HttpServletResponse.SC_FORBIDDEN ? "AuthorizationException" : "InvalidRequestException")
        .put("message", message).toString());
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
