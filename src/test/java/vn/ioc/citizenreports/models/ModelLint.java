package vn.ioc.citizenreports.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DmnElement;
import org.camunda.bpm.model.xml.ModelException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The checks a designer's model must pass before it is deployed, in plain Java so that
 * {@code mvn verify} needs nothing but Java and Maven. Each problem reads
 * "file: element id: what is wrong", so the build output points at the element to fix. The same
 * checks run on the repository's models and on the broken fixtures that prove each one fails.
 */
final class ModelLint {

  /** Element type prefix + business name, e.g. Task_VerifyReport, Flow_ReportValidYes. */
  static final Pattern BUSINESS_ID = Pattern.compile(
      "^(StartEvent|EndEvent|Task|Gateway|BoundaryEvent|Event|SubProcess|Flow|Message|Definitions|DecisionTable"
          + "|Input|InputExpression|Output|Rule|InputEntry|OutputEntry|OutputValues|InformationRequirement|Signal|Error)_[A-Z][A-Za-z0-9_]*$");
  /** What Camunda Modeler generates: Activity_0xrmvgg, Flow_1abc2de, Gateway_0k2j3h4. */
  private static final Pattern MODELER_GENERATED = Pattern.compile(".*_[0-9][a-z0-9]{6}$");
  /** Tasklist 7.24 renders forms with form-js 1.8: schemaVersion 16 at most, these components (no file upload). */
  static final int MAX_FORM_SCHEMA_VERSION = 16;
  static final Set<String> FORM_COMPONENT_TYPES = Set.of("textfield", "textarea", "number", "select", "radio", "checkbox",
      "checklist", "datetime", "text", "taglist", "group", "spacer", "separator");
  private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
  /** BPMN attributes that name another element of the file. */
  private static final List<String> REFERENCES = List.of("sourceRef", "targetRef", "attachedToRef", "default", "messageRef");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path formsFolder;
  private final Set<String> processVariables;

  /**
   * @param formsFolder where a user task's {@code formRef} must find its form
   * @param processVariables the names a form field's key may have
   */
  ModelLint(Path formsFolder, Collection<String> processVariables) {
    this.formsFolder = formsFolder;
    this.processVariables = Set.copyOf(processVariables);
  }

  /** The problems of one model file (.bpmn, .dmn or .form); empty when it is fine. */
  List<String> check(Path file) throws IOException {
    String name = file.getFileName().toString();
    Problems problems = new Problems(name);
    if (name.endsWith(".bpmn")) {
      checkProcess(file, problems);
    } else if (name.endsWith(".dmn")) {
      checkDecisions(file, problems);
    } else if (name.endsWith(".form")) {
      checkForm(file, problems);
    } else {
      problems.add(null, "not a model file (.bpmn, .dmn, .form)");
    }
    return problems.list;
  }

  // ---------------------------------------------------------------- BPMN

  private void checkProcess(Path file, Problems problems) throws IOException {
    // a reference to a missing element fails the schema validation without naming the element: name it first
    checkReferences(file, problems);
    if (!problems.list.isEmpty()) {
      return;
    }
    BpmnModelInstance model;
    try {
      model = Bpmn.readModelFromFile(file.toFile());
    } catch (ModelException e) {
      problems.add(null, "not valid BPMN 2.0: " + rootMessage(e));
      return;
    }
    for (Process process : model.getModelElementsByType(Process.class)) {
      if (!process.getId().equals(baseName(file))) {
        problems.add(process.getId(), "process id is not the file name " + baseName(file));
      }
      if (!process.isExecutable()) {
        problems.add(process.getId(), "process is not executable");
      }
      if (blank(process.getCamundaHistoryTimeToLiveString())) {
        problems.add(process.getId(), "process has no history time to live");
      }
    }
    model.getModelElementsByType(BaseElement.class).stream()
        .filter(element -> !(element instanceof Process) && !(element instanceof EventDefinition) && element.getId() != null)
        .filter(element -> !BUSINESS_ID.matcher(element.getId()).matches() || MODELER_GENERATED.matcher(element.getId()).matches())
        .forEach(element -> problems.add(element.getId(), "id is not a type prefix plus a business name (e.g. Task_VerifyReport)"));
    // from the flows' own source and target: the nodes' <incoming>/<outgoing> are optional in the file
    Collection<SequenceFlow> flows = model.getModelElementsByType(SequenceFlow.class);
    Set<FlowNode> withIncoming = new HashSet<>();
    Set<FlowNode> withOutgoing = new HashSet<>();
    flows.forEach(flow -> {
      withIncoming.add(flow.getTarget());
      withOutgoing.add(flow.getSource());
    });
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      boolean mayStartAPath = node instanceof StartEvent || node instanceof BoundaryEvent;
      if (!withIncoming.contains(node) && !mayStartAPath) {
        problems.add(node.getId(), "nothing leads to it (no incoming sequence flow)");
      }
      if (!withOutgoing.contains(node) && !(node instanceof EndEvent)) {
        problems.add(node.getId(), "leads nowhere (no outgoing sequence flow) and is not an end event");
      }
    }
    model.getModelElementsByType(UserTask.class).forEach(task -> checkUserTask(task, problems));
    model.getModelElementsByType(StartEvent.class).stream()
        .filter(start -> start.getAttributeValueNs(CAMUNDA_NS, "formRef") != null)
        .forEach(start -> checkFormRef(start, start.getAttributeValueNs(CAMUNDA_NS, "formRef"), problems));
    model.getModelElementsByType(ExclusiveGateway.class).forEach(gateway -> checkDecision(gateway,
        flows.stream().filter(flow -> flow.getSource().equals(gateway)).toList(), problems));
  }

  private static void checkReferences(Path file, Problems problems) throws IOException {
    Document xml;
    try (InputStream in = Files.newInputStream(file)) {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      xml = factory.newDocumentBuilder().parse(in);
    } catch (Exception e) {
      problems.add(null, "not well-formed XML: " + rootMessage(e));
      return;
    }
    NodeList all = xml.getElementsByTagNameNS("*", "*");
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < all.getLength(); i++) {
      ids.add(((Element) all.item(i)).getAttribute("id"));
    }
    for (int i = 0; i < all.getLength(); i++) {
      Element element = (Element) all.item(i);
      boolean isSequenceFlow = element.getLocalName().equals("sequenceFlow");
      for (String reference : REFERENCES) {
        String target = element.getAttribute(reference);
        if (isSequenceFlow && target.isEmpty() && (reference.equals("sourceRef") || reference.equals("targetRef"))) {
          problems.add(element.getAttribute("id"), "sequence flow has no " + (reference.equals("sourceRef") ? "source" : "target"));
        } else if (!target.isEmpty() && !ids.contains(target)) {
          problems.add(element.getAttribute("id"), reference + " names " + target + ", which is not in the file"
              + (isSequenceFlow && reference.equals("targetRef") ? ": the sequence flow has no target" : ""));
        }
      }
    }
  }

  private void checkUserTask(UserTask task, Problems problems) {
    String formRef = task.getAttributeValueNs(CAMUNDA_NS, "formRef");
    if (blank(formRef)) {
      problems.add(task.getId(), "user task has no camunda:formRef (a form in forms/)");
    } else {
      checkFormRef(task, formRef, problems);
    }
    if (blank(task.getCamundaCandidateGroups()) && blank(task.getCamundaAssignee())) {
      problems.add(task.getId(), "user task has no candidate group (nor assignee): nobody would see it");
    }
  }

  private void checkFormRef(BaseElement element, String formRef, Problems problems) {
    if (!"deployment".equals(element.getAttributeValueNs(CAMUNDA_NS, "formRefBinding"))) {
      problems.add(element.getId(), "camunda:formRefBinding is not 'deployment' (the form must come with the process)");
    }
    Path form = formsFolder.resolve(formRef + ".form");
    if (!Files.exists(form)) {
      problems.add(element.getId(), "camunda:formRef names " + formRef + ", but there is no " + form);
      return;
    }
    try {
      String id = JSON.readTree(form.toFile()).path("id").asText();
      if (!formRef.equals(id)) {
        problems.add(element.getId(), "camunda:formRef " + formRef + " finds a form whose id is '" + id + "'");
      }
    } catch (IOException unreadable) {
      problems.add(element.getId(), "its form " + form + " is not JSON");
    }
  }

  /** A splitting exclusive gateway asks a question; each answer but the default is a named condition. */
  private static void checkDecision(ExclusiveGateway gateway, List<SequenceFlow> outgoing, Problems problems) {
    if (outgoing.size() < 2) {
      return;
    }
    if (blank(gateway.getName())) {
      problems.add(gateway.getId(), "splitting gateway has no name (a question, e.g. \"Report valid?\")");
    }
    for (SequenceFlow flow : outgoing) {
      if (flow.equals(gateway.getDefault())) {
        continue;
      }
      if (flow.getConditionExpression() == null || blank(flow.getConditionExpression().getTextContent())) {
        problems.add(flow.getId(), "outgoing flow of " + gateway.getId() + " has no condition");
      }
      if (blank(flow.getName())) {
        problems.add(flow.getId(), "outgoing flow of " + gateway.getId() + " has no name (the answer it stands for)");
      }
    }
  }

  // ---------------------------------------------------------------- DMN

  private static void checkDecisions(Path file, Problems problems) {
    DmnModelInstance model;
    try {
      model = Dmn.readModelFromFile(file.toFile());
    } catch (ModelException e) {
      problems.add(null, "not valid DMN 1.3: " + rootMessage(e));
      return;
    }
    Collection<Decision> decisions = model.getModelElementsByType(Decision.class);
    if (decisions.stream().noneMatch(decision -> decision.getId().equals(baseName(file)))) {
      problems.add(null, "no decision has the file name " + baseName(file) + " as its id");
    }
    decisions.stream().filter(decision -> blank(decision.getCamundaHistoryTimeToLiveString()))
        .forEach(decision -> problems.add(decision.getId(), "decision has no history time to live"));
    model.getModelElementsByType(DmnElement.class).stream()
        .filter(element -> !(element instanceof Decision) && element.getId() != null)
        .filter(element -> !BUSINESS_ID.matcher(element.getId()).matches() || MODELER_GENERATED.matcher(element.getId()).matches())
        .forEach(element -> problems.add(element.getId(), "id is not a type prefix plus a business name (e.g. Rule_RoadsInHue)"));
  }

  // ---------------------------------------------------------------- Camunda Forms

  private void checkForm(Path file, Problems problems) {
    JsonNode form;
    try {
      form = JSON.readTree(file.toFile());
    } catch (IOException e) {
      problems.add(null, "not JSON: " + rootMessage(e));
      return;
    }
    String formId = form.path("id").asText(null);
    if (!baseName(file).equals(formId)) {
      problems.add(formId, "form id is not the file name " + baseName(file));
    }
    int schemaVersion = form.path("schemaVersion").asInt();
    if (schemaVersion < 1 || schemaVersion > MAX_FORM_SCHEMA_VERSION) {
      problems.add(formId, "schemaVersion " + form.path("schemaVersion") + ": Tasklist 7.24 renders 1 to " + MAX_FORM_SCHEMA_VERSION);
    }
    if (!"Camunda Platform".equals(form.path("executionPlatform").asText())) {
      problems.add(formId, "executionPlatform is not \"Camunda Platform\"");
    }
    Set<String> componentIds = new HashSet<>();
    Map<String, String> componentOfKey = new HashMap<>();
    for (JsonNode component : components(form)) {
      String id = component.path("id").asText(null);
      String type = component.path("type").asText();
      if (id == null || !componentIds.add(id)) {
        problems.add(id, "component id is missing or used twice");
      }
      if (!FORM_COMPONENT_TYPES.contains(type)) {
        problems.add(id, "unknown component type '" + type + "' (Tasklist 7.24 renders " + String.join(", ",
            FORM_COMPONENT_TYPES.stream().sorted().toList()) + ")");
      }
      if (component.has("key")) {
        String key = component.path("key").asText();
        String first = componentOfKey.putIfAbsent(key, id);
        if (first != null) {
          problems.add(id, "key '" + key + "' is also the key of " + first);
        }
        if (!processVariables.contains(key)) {
          problems.add(id, "key '" + key + "' is not a declared process variable (ReportVariables)");
        }
      }
    }
  }

  static List<JsonNode> components(JsonNode container) {
    List<JsonNode> all = new ArrayList<>();
    container.path("components").forEach(component -> {
      all.add(component);
      all.addAll(components(component));
    });
    return all;
  }

  // ---------------------------------------------------------------- helpers

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static String baseName(Path file) {
    String name = file.getFileName().toString();
    return name.substring(0, name.lastIndexOf('.'));
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage();
  }

  /** Problems of one file, each naming the element, or "(file)" when it concerns the whole file. */
  private record Problems(String fileName, List<String> list) {
    Problems(String fileName) {
      this(fileName, new ArrayList<>());
    }

    void add(String elementId, String message) {
      list.add(fileName + ": " + (elementId == null ? "(file)" : elementId) + ": " + message);
    }
  }
}
