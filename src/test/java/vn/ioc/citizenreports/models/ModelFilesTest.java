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
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DmnElement;
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
 * The model files as designers leave them: readable ids, history time to live everywhere, and
 * every form fitting the task that shows it. Reading a file with the Camunda model API also
 * validates it against the BPMN / DMN schema.
 */
class ModelFilesTest {

  /** Element type prefix + business name, e.g. Task_VerifyReport, Flow_ReportValidYes. */
  private static final Pattern BUSINESS_ID = Pattern.compile(
      "^(StartEvent|EndEvent|Task|Gateway|BoundaryEvent|Event|SubProcess|Flow|Message|Definitions|DecisionTable"
          + "|Input|InputExpression|Output|Rule|InputEntry|OutputEntry|OutputValues|InformationRequirement|Signal|Error)_[A-Z][A-Za-z0-9_]*$");
  /** What Camunda Modeler generates: Activity_0xrmvgg, Flow_1abc2de, Gateway_0k2j3h4. */
  private static final Pattern MODELER_GENERATED = Pattern.compile(".*_[0-9][a-z0-9]{6}$");
  private static final ObjectMapper JSON = new ObjectMapper();

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

  static Stream<Path> processes() throws IOException {
    return files("processes", ".bpmn");
  }

  static Stream<Path> decisions() throws IOException {
    return files("dmn", ".dmn");
  }

  static Stream<Path> forms() throws IOException {
    return files("forms", ".form");
  }

  @ParameterizedTest
  @MethodSource("processes")
  void processHasBusinessIdsAndHistoryTimeToLive(Path file) {
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    Process process = model.getModelElementsByType(Process.class).iterator().next();

    assertThat(process.getId()).as("process id = file name").isEqualTo(baseName(file));
    assertThat(process.isExecutable()).isTrue();
    assertThat(process.getCamundaHistoryTimeToLiveString()).as("history time to live of %s", file).isNotBlank();
    List<String> badIds = model.getModelElementsByType(BaseElement.class).stream()
        .filter(element -> !(element instanceof Process) && !(element instanceof EventDefinition))
        .map(BaseElement::getId)
        .filter(id -> id != null)
        .filter(id -> !BUSINESS_ID.matcher(id).matches() || MODELER_GENERATED.matcher(id).matches())
        .toList();
    assertThat(badIds).as("ids in %s without a type prefix and business name", file).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("decisions")
  void decisionsHaveBusinessIdsAndHistoryTimeToLive(Path file) {
    DmnModelInstance model = Dmn.readModelFromFile(file.toFile());

    assertThat(model.getModelElementsByType(Decision.class)).as("decisions in %s", file)
        .extracting(Decision::getId).contains(baseName(file));
    for (Decision decision : model.getModelElementsByType(Decision.class)) {
      assertThat(decision.getCamundaHistoryTimeToLiveString()).as("history time to live of %s", decision.getId()).isNotBlank();
    }
    List<String> badIds = model.getModelElementsByType(DmnElement.class).stream()
        .filter(element -> !(element instanceof Decision))
        .map(DmnElement::getId)
        .filter(id -> id != null)
        .filter(id -> !BUSINESS_ID.matcher(id).matches() || MODELER_GENERATED.matcher(id).matches())
        .toList();
    assertThat(badIds).as("ids in %s without a type prefix and business name", file).isEmpty();
  }

  @Test
  void everyFormReferenceResolvesToAFormWhoseFieldsAreProcessVariables() throws IOException {
    Set<String> processVariables = declaredVariables();
    BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("processes", "CitizenReportProcess.bpmn").toFile());
    List<ModelElementInstance> withForms = new ArrayList<>();
    withForms.addAll(model.getModelElementsByType(UserTask.class));
    withForms.addAll(model.getModelElementsByType(StartEvent.class));

    for (ModelElementInstance element : withForms) {
      String id = element.getAttributeValue("id");
      String formRef = element.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef");
      assertThat(formRef).as("%s has a formRef", id).isNotBlank();
      assertThat(element.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRefBinding"))
          .as("%s binds its form by deployment", id).isEqualTo("deployment");
      Path formFile = Path.of("forms", formRef + ".form");
      assertThat(formFile).as("form of %s", id).exists();
      JsonNode form = JSON.readTree(formFile.toFile());
      assertThat(form.path("id").asText()).as("id inside %s", formFile).isEqualTo(formRef);

      Set<String> keys = keys(form);
      assertThat(processVariables).as("variables behind the fields of %s", formFile).containsAll(keys);
      if (DECISION_OF_TASK.containsKey(id)) {
        assertThat(keys).as("%s lets the user decide %s", formFile, DECISION_OF_TASK.get(id)).contains(DECISION_OF_TASK.get(id));
      }
    }
    assertThat(withForms).extracting(e -> e.getAttributeValue("id")).containsAll(DECISION_OF_TASK.keySet());
  }

  @ParameterizedTest
  @MethodSource("forms")
  void formFitsTasklist(Path file) throws IOException {
    JsonNode form = JSON.readTree(file.toFile());

    assertThat(form.path("schemaVersion").asInt()).as("Tasklist 7.24 renders schemaVersion 16 at most").isBetween(1, 16);
    assertThat(form.path("executionPlatform").asText()).isEqualTo("Camunda Platform");
    List<JsonNode> components = components(form);
    assertThat(components).extracting(c -> c.path("type").asText())
        .as("components Tasklist's form-js renders (no file upload)")
        .allMatch(Set.of("textfield", "textarea", "number", "select", "radio", "checkbox", "checklist", "datetime",
            "text", "taglist", "group", "spacer", "separator")::contains);
    List<String> ids = components.stream().map(c -> c.path("id").asText()).toList();
    assertThat(ids).as("component ids in %s", file).doesNotHaveDuplicates();
    List<String> editableKeys = components.stream().filter(c -> c.has("key") && !c.path("disabled").asBoolean())
        .map(c -> c.path("key").asText()).toList();
    assertThat(editableKeys).as("editable keys in %s", file).doesNotHaveDuplicates();
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

  private static List<JsonNode> components(JsonNode container) {
    List<JsonNode> all = new ArrayList<>();
    container.path("components").forEach(component -> {
      all.add(component);
      all.addAll(components(component));
    });
    return all;
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

  private static String baseName(Path file) {
    String name = file.getFileName().toString();
    return name.substring(0, name.lastIndexOf('.'));
  }
}
