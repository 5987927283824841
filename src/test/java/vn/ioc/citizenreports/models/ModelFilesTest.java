package vn.ioc.citizenreports.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.ioc.citizenreports.handling.ReportVariables;
import vn.ioc.citizenreports.reference.Category;
import vn.ioc.citizenreports.reference.ReferenceData;
import vn.ioc.citizenreports.reference.Ward;
import vn.ioc.citizenreports.routing.Unit;
import vn.ioc.citizenreports.routing.UnitRegistry;

/**
 * The model files as designers leave them: each passes {@link ModelLint} (readable ids, history
 * time to live, user tasks with a form and a group, gateways whose answers are named conditions,
 * forms Tasklist renders whose fields are process variables), and the lint refuses each broken
 * fixture in {@code src/test/resources/models/broken/}. Then what only this project knows: each
 * form fits the task that shows it, and shows citizens' words and reference data safely.
 */
class ModelFilesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path BROKEN = Path.of("src/test/resources/models/broken");
  private static final ModelLint LINT = new ModelLint(Path.of("forms"), declaredVariables());

  /** The decision each task's form must let the user make. */
  private static final Map<String, String> DECISION_OF_TASK = Map.of(
      "Task_VerifyReport", "verification",
      "Task_HandleReport", "handling",
      "Task_ReviewExtension", "extensionDecision",
      "Task_RerouteReport", "unitId",
      "Task_ReviewResult", "resultDecision",
      "Task_ReviewComplaint", "complaintDecision",
      "Task_UrgeUnit", "urgeNote",
      "Task_ReprimandUnit", "reprimandNote");

  static Stream<Path> models() throws IOException {
    return Stream.of(files("processes", ".bpmn"), files("dmn", ".dmn"), forms()).flatMap(s -> s);
  }

  static Stream<Path> forms() throws IOException {
    return files("forms", ".form");
  }

  static Stream<Path> brokenFixtures() throws IOException {
    try (Stream<Path> paths = Files.list(BROKEN)) {
      return paths.filter(p -> !p.getFileName().toString().endsWith(".json")).sorted().toList().stream();
    }
  }

  /** Every model passes the lint: the build fails with "file: element id: problem" otherwise. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void modelPassesTheLint(Path file) throws IOException {
    assertThat(LINT.check(file)).as("problems of %s", file).isEmpty();
  }

  /** The lint catches each kind of mistake: one deliberately broken model per check, in the test resources. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenFixtures")
  void brokenModelFailsTheLintNamingTheElement(Path file) throws IOException {
    JsonNode expected = JSON.readTree(BROKEN.resolve("expected.json").toFile()).path(file.getFileName().toString());
    assertThat(expected.isMissingNode()).as("%s is described in expected.json", file.getFileName()).isFalse();
    String element = expected.path("element").asText();

    List<String> problems = LINT.check(file);

    assertThat(problems).as("problems of %s", file.getFileName())
        .anySatisfy(problem -> assertThat(problem)
            .startsWith(file.getFileName() + ": " + element + ": ")
            .contains(expected.path("java").asText()));
  }

  @Test
  void eachTaskFormLetsTheUserMakeTheTasksDecision() throws IOException {
    BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("processes", "CitizenReportProcess.bpmn").toFile());
    List<ModelElementInstance> withForms = new ArrayList<>(model.getModelElementsByType(UserTask.class));

    for (ModelElementInstance element : withForms) {
      String id = element.getAttributeValue("id");
      String formRef = element.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef");
      if (DECISION_OF_TASK.containsKey(id)) {
        Set<String> keys = keys(JSON.readTree(Path.of("forms", formRef + ".form").toFile()));
        assertThat(keys).as("%s lets the user decide %s", formRef, DECISION_OF_TASK.get(id)).contains(DECISION_OF_TASK.get(id));
      }
    }
    assertThat(withForms).extracting(e -> e.getAttributeValue("id")).containsAll(DECISION_OF_TASK.keySet());
  }

  /**
   * Text components render Markdown (and some HTML): they may show only what our code writes
   * (the evidence links, the duplicate hints), never a citizen's words, which go in fields.
   */
  @ParameterizedTest
  @MethodSource("forms")
  void renderedTextShowsNoCitizenText(Path file) throws IOException {
    Set<String> ours = Set.of("evidence", "duplicateHints");
    for (JsonNode component : components(JSON.readTree(file.toFile()))) {
      if (component.path("type").asText().equals("text")) {
        Matcher templated = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)").matcher(component.path("text").asText());
        while (templated.find()) {
          assertThat(ours).as("%s renders {{%s}} as Markdown", file.getFileName(), templated.group(1)).contains(templated.group(1));
        }
        assertThat(component.path("text").asText()).as("%s: no FEEL expression in rendered text", file.getFileName()).doesNotStartWith("=");
      }
    }
  }

  /**
   * What a user fills in is read by something: the process model, another form that shows it, a
   * mail template, or the Java code (through its ReportVariables constant). No field is written
   * for nobody.
   */
  @Test
  void everyFieldAUserFillsInIsReadSomewhere() throws Exception {
    Map<String, String> constantOfVariable = new java.util.HashMap<>();
    for (Field field : ReportVariables.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        constantOfVariable.put((String) field.get(null), field.getName());
      }
    }
    String models = read(files("processes", ".bpmn"));
    String templates = read(files("src/main/resources/mail", ".mustache"));
    String java = read(javaSourcesExcept("ReportVariables.java"));
    Map<Path, JsonNode> forms = new java.util.HashMap<>();
    for (Path form : forms().toList()) {
      forms.put(form, JSON.readTree(form.toFile()));
    }
    List<String> unread = new ArrayList<>();
    forms.forEach((file, form) -> components(form).stream()
        .filter(c -> c.has("key") && !c.path("disabled").asBoolean())
        .map(c -> c.path("key").asText())
        .forEach(key -> {
          boolean shownElsewhere = forms.entrySet().stream().anyMatch(other -> !other.getKey().equals(file)
              && components(other.getValue()).stream().anyMatch(c -> key.equals(c.path("key").asText())));
          boolean read = shownElsewhere
              || Pattern.compile("\\b" + key + "\\b").matcher(models).find()
              || templates.contains("{{" + key + "}}") || templates.contains("{{#" + key + "}}")
              || Pattern.compile("\\b" + constantOfVariable.get(key) + "\\b").matcher(java).find();
          if (!read) {
            unread.add(file.getFileName() + ": " + key);
          }
        }));
    assertThat(unread).as("form fields nothing reads").isEmpty();
  }

  /** Options shown to users are the reference data the server checks against. */
  @ParameterizedTest
  @MethodSource("forms")
  void selectOptionsAreTheReferenceData(Path file) throws IOException {
    ReferenceData reference = new ReferenceData();
    Set<String> categories = reference.categories().stream().map(Category::code).collect(Collectors.toSet());
    Set<String> wards = reference.wards().stream().map(Ward::code).collect(Collectors.toSet());
    Set<String> units = new UnitRegistry().all().stream().map(Unit::id).collect(Collectors.toSet());
    Map<String, Set<String>> expected = Map.of("category", categories, "wardCode", wards,
        "unitId", units, "unitOverride", units, "declinedUnitId", units, "escalatedUnitId", units);

    for (JsonNode component : components(JSON.readTree(file.toFile()))) {
      Set<String> reference_ = expected.get(component.path("key").asText());
      if (reference_ != null && component.has("values")) {
        Set<String> options = new HashSet<>();
        component.path("values").forEach(v -> options.add(v.path("value").asText()));
        assertThat(options).as("options of %s in %s", component.path("key").asText(), file).isEqualTo(reference_);
      }
    }
  }

  private static Set<String> declaredVariables() {
    Set<String> names = new TreeSet<>();
    for (Field field : ReportVariables.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        try {
          names.add((String) field.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return names;
  }

  private static Set<String> keys(JsonNode form) {
    return components(form).stream().filter(c -> c.has("key")).map(c -> c.path("key").asText()).collect(Collectors.toSet());
  }

  private static List<JsonNode> components(JsonNode form) {
    return ModelLint.components(form);
  }

  private static Stream<Path> files(String folder, String suffix) throws IOException {
    try (Stream<Path> paths = Files.list(Path.of(folder))) {
      return paths.filter(p -> p.toString().endsWith(suffix)).sorted().toList().stream();
    }
  }

  private static String read(Stream<Path> files) throws IOException {
    StringBuilder text = new StringBuilder();
    for (Path file : files.toList()) {
      text.append(Files.readString(file)).append('\n');
    }
    return text.toString();
  }

  private static Stream<Path> javaSourcesExcept(String fileName) throws IOException {
    try (Stream<Path> paths = Files.walk(Path.of("src/main/java"))) {
      return paths.filter(p -> p.toString().endsWith(".java") && !p.getFileName().toString().equals(fileName)).toList().stream();
    }
  }
}
