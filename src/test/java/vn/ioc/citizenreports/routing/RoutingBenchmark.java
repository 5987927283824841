package vn.ioc.citizenreports.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import vn.ioc.citizenreports.DecisionTables;
import vn.ioc.citizenreports.reference.Category;
import vn.ioc.citizenreports.reference.ReferenceData;
import vn.ioc.citizenreports.reference.Ward;

/**
 * The cost of one routing decision (the DRG ResponsibleSector -> ReportRouting, as deployed), with
 * the FEEL engine the application configures (legacy) and with Camunda's default (Scala FEEL),
 * over every (category, ward) pair in turn. Run: {@code mvn -Pbench test-compile exec:exec -Dbench=Routing}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class RoutingBenchmark {

  @Param({"legacy", "scala"})
  public String feel;

  private DmnEngine dmn;
  private DmnDecision routing;
  private final List<Map<String, Object>> inputs = new ArrayList<>();
  private int next;

  @Setup
  public void parse() {
    dmn = DecisionTables.engine("legacy".equals(feel));
    routing = DecisionTables.parse(dmn, "ReportRouting");
    ReferenceData reference = new ReferenceData();
    for (Category category : reference.categories()) {
      for (Ward ward : reference.wards()) {
        inputs.add(Map.of("category", category.code(), "districtCode", ward.districtCode(), "wardCode", ward.code()));
      }
    }
  }

  @Benchmark
  public Object route() {
    Map<String, Object> input = inputs.get(next);
    next = (next + 1) % inputs.size();
    return dmn.evaluateDecision(routing, input).getSingleEntry();
  }
}
