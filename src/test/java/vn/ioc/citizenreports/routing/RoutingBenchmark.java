package vn.ioc.citizenreports.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import vn.ioc.citizenreports.DecisionTables;
import vn.ioc.citizenreports.reference.Category;
import vn.ioc.citizenreports.reference.ReferenceData;
import vn.ioc.citizenreports.reference.Ward;
import vn.ioc.citizenreports.testing.Load;

/**
 * The cost of one routing decision (the DRG ResponsibleSector -> ReportRouting, as deployed), with
 * the FEEL engine the application configures (legacy) and with Camunda's default (Scala FEEL),
 * over every (category, ward) pair in turn. Run: {@code mvn -Pbench test-compile exec:exec -Dbench=Routing}
 * for the latency distribution, or {@code mvn -Pbench test-compile exec:exec@routing} ({@link #main}) for
 * evaluations per second, the median of the forks with min and max.
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

  /** Evaluations per second of each FEEL engine: 3 forks, each 3 x 2 s warm-up and 5 x 2 s measured. */
  public static void main(String[] args) throws RunnerException {
    Options options = new OptionsBuilder().include(RoutingBenchmark.class.getName() + ".route$")
        .mode(Mode.Throughput).timeUnit(TimeUnit.SECONDS).forks(3).build();
    Map<String, List<Double>> perFork = new TreeMap<>();
    for (RunResult run : new Runner(options).run()) {
      for (BenchmarkResult fork : run.getBenchmarkResults()) {
        perFork.computeIfAbsent(run.getParams().getParam("feel"), feel -> new ArrayList<>())
            .add(fork.getPrimaryResult().getScore());
      }
    }
    System.out.printf("%nRouting decision (ResponsibleSector -> ReportRouting), evaluations/s, median of %d forks (min to max)%n",
        options.getForkCount().get());
    perFork.forEach((feel, scores) -> System.out.printf("  %-7s FEEL: %s%n", feel, Load.spread(scores, "%.0f")));
    double legacy = Load.median(perFork.get("legacy"));
    double scala = Load.median(perFork.get("scala"));
    System.out.printf("  legacy / scala: %.1f%n", legacy / scala);
  }

  @Benchmark
  public Object route() {
    Map<String, Object> input = inputs.get(next);
    next = (next + 1) % inputs.size();
    return dmn.evaluateDecision(routing, input).getSingleEntry();
  }
}
