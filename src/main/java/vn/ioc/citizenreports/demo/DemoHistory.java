package vn.ioc.citizenreports.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import vn.ioc.citizenreports.handling.ReportProcess;
import vn.ioc.citizenreports.notification.LoggingMailGateway;
import vn.ioc.citizenreports.report.Receipt;
import vn.ioc.citizenreports.report.ReportIntakeService;
import vn.ioc.citizenreports.report.ReportSubmission;
import vn.ioc.citizenreports.report.Reporter;
import vn.ioc.citizenreports.sla.SlaClock;

/**
 * Months of reports replayed through the real process, so that a new user's Cockpit, Tasklist
 * and scorecards show a living city at once: the engine's clock is moved from one step to the
 * next, staff complete tasks as they would, and timers fire as jobs at their due time. Reports
 * whose next step lies in the future stay where they are: waiting for verification, in a
 * unit's queue, overdue and urged, or awaiting the citizen's rating.
 *
 * <p>The mix follows Huế's published figures: about half answered on time, most of the rest
 * late with an accepted extension, a few late, and about four in five citizens satisfied.
 */
@Component
@Profile("demo")
public class DemoHistory {

  private static final Logger LOG = LoggerFactory.getLogger(DemoHistory.class);
  private static final int PROGRESS_EVERY = 500;
  private static final int JOBS_PER_QUERY = 200;

  private final ReportIntakeService intake;
  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final ManagementService managementService;
  private final LoggingSystem loggingSystem;

  private final PriorityQueue<Step> steps = new PriorityQueue<>();
  private volatile boolean replaying;
  private final List<String> validReports = new ArrayList<>();
  private Random random;
  private Instant now;
  private long sequence;

  DemoHistory(ReportIntakeService intake, TaskService taskService, RuntimeService runtimeService,
      ManagementService managementService, LoggingSystem loggingSystem) {
    this.intake = intake;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.managementService = managementService;
    this.loggingSystem = loggingSystem;
  }

  /** What a run made: reports submitted, steps taken and jobs run. */
  public record Summary(int reports, int steps, int jobs, Duration took) {
  }

  /**
   * Submits {@code reports} reports spread over the last {@code months} months, ending now, and
   * plays every step due before now. Not to be run beside live users: it moves the engine's clock.
   */
  public synchronized Summary generate(int reports, int months, long seed) {
    replaying = true;
    try {
      return replay(reports, months, seed);
    } finally {
      replaying = false;
    }
  }

  /** While the history replays, the engine's clock is months in the past: no one else may use the application. */
  public boolean replaying() {
    return replaying;
  }

  private Summary replay(int reports, int months, long seed) {
    long started = System.nanoTime();
    Instant end = ClockUtil.getCurrentTime().toInstant();
    Instant start = ZonedDateTime.ofInstant(end, SlaClock.VIETNAM).minusMonths(months).toInstant();
    random = new Random(seed);
    steps.clear();
    validReports.clear();
    for (int i = 0; i < reports; i++) {
      Instant at = DemoReports.receivedAt(random, start, end);
      steps.add(new Step(at, sequence++, this::submit, true));
    }
    // a mail per step of thousands of reports would bury the log; the mails are still made and recorded
    LogLevel mailLog = level(LoggingMailGateway.class.getName());
    loggingSystem.setLogLevel(LoggingMailGateway.class.getName(), LogLevel.WARN);
    int taken = 0;
    int jobs = 0;
    int submitted = 0;
    try {
      now = start;
      while (!steps.isEmpty() && !steps.peek().at().isAfter(end)) {
        Step step = steps.poll();
        jobs += runJobsDueBy(step.at());
        // a step planned before the last timer fired happens now: the clock never runs backwards
        moveClockTo(step.at().isBefore(now) ? now : step.at());
        step.action().run();
        taken++;
        if (step.submission() && ++submitted % PROGRESS_EVERY == 0) {
          LOG.info("Demo history: {} of {} reports", submitted, reports);
        }
      }
      jobs += runJobsDueBy(end);
    } finally {
      ClockUtil.reset();
      loggingSystem.setLogLevel(LoggingMailGateway.class.getName(), mailLog);
    }
    Summary summary = new Summary(reports, taken, jobs, Duration.ofNanos(System.nanoTime() - started));
    LOG.info("Demo history: {} reports over {} months, {} steps and {} jobs in {} s", reports, months, taken, jobs,
        summary.took().toSeconds());
    return summary;
  }

  // ---------------------------------------------------------------- a report's life

  private void submit() {
    DemoReports.Draft draft = DemoReports.draft(random);
    Receipt receipt = intake.submit(new ReportSubmission(draft.category(), draft.description(), draft.wardCode(),
        draft.address(), null, null, draft.channel(), new Reporter(draft.reporterName(), null, null)));
    String id = receipt.id();
    schedule(now.plus(DemoReports.hours(random, 0.5, 6)), () -> verify(id));
  }

  private void verify(String id) {
    Task task = task(id, ReportProcess.TASK_VERIFY_REPORT);
    if (task == null) {
      return;
    }
    double roll = random.nextDouble();
    if (roll < 0.05) {
      taskService.complete(task.getId(), Map.of("verification", "INVALID",
          "rejectionReason", DemoReports.pick(random, "SPAM", "INSUFFICIENT_INFORMATION", "OUTSIDE_AREA")));
      return;
    }
    if (roll < 0.07 && !validReports.isEmpty()) {
      taskService.complete(task.getId(), Map.of("verification", "DUPLICATE",
          "duplicateOf", validReports.get(validReports.size() - 1 - random.nextInt(Math.min(20, validReports.size())))));
      return;
    }
    taskService.complete(task.getId(), Map.of("verification", "VALID"));
    validReports.add(id);
    if (runtimeService.getVariable(task.getProcessInstanceId(), "dueAt") instanceof Date due) {
      planHandling(id, due.toInstant());
    }
  }

  /** Half answer in time, most of the rest ask for more time first, a few let the deadline pass. */
  private void planHandling(String id, Instant due) {
    Duration allowed = Duration.between(now, due);
    double fate = random.nextDouble();
    if (fate < 0.50) {
      schedule(now.plus(fraction(allowed, 0.1, 0.95)), () -> answer(id));
    } else if (fate < 0.95) {
      schedule(now.plus(fraction(allowed, 0.4, 0.85)), () -> askForExtension(id, due));
    } else {
      schedule(due.plus(DemoReports.hours(random, 8, 20)), () -> escalationsHandled(id));
      schedule(due.plus(DemoReports.hours(random, 24, 150)), () -> answer(id));
    }
  }

  private void askForExtension(String id, Instant due) {
    Task task = task(id, ReportProcess.TASK_HANDLE_REPORT);
    if (task == null) {
      return;
    }
    LocalDate proposed = due.atZone(SlaClock.VIETNAM).toLocalDate().plusDays(7);
    taskService.complete(task.getId(), Map.of("handling", "EXTENSION_REQUESTED",
        "extensionReason", DemoReports.pick(random, "Chờ vật tư thay thế", "Cần phối hợp với đơn vị điện lực",
            "Thời tiết mưa lớn, chưa thi công được", "Chờ kinh phí sửa chữa được duyệt"),
        "proposedDueAt", proposed.toString()));
    schedule(now.plus(DemoReports.hours(random, 1, 8)), () -> {
      Task review = task(id, ReportProcess.TASK_REVIEW_EXTENSION);
      if (review != null) {
        taskService.complete(review.getId(), Map.of("extensionDecision", "APPROVED",
            "extensionNote", "Đồng ý gia hạn"));
      }
    });
    // mostly after the first deadline, within the new one: "late with an accepted extension"
    Duration extension = Duration.between(due, proposed.plusDays(1).atStartOfDay(SlaClock.VIETNAM).toInstant());
    schedule(due.plus(fraction(extension, 0.05, 0.9)), () -> answer(id));
  }

  private void escalationsHandled(String id) {
    Task urge = task(id, ReportProcess.TASK_URGE_UNIT);
    if (urge != null) {
      taskService.complete(urge.getId(), Map.of("urgeNote", "Đề nghị đơn vị khẩn trương xử lý, báo cáo kết quả"));
    }
    Task reprimand = task(id, ReportProcess.TASK_REPRIMAND_UNIT);
    if (reprimand != null) {
      taskService.complete(reprimand.getId(), Map.of("reprimandNote", "Phê bình đơn vị chậm xử lý phản ánh"));
    }
    if (urge == null && reprimand == null && task(id, ReportProcess.TASK_HANDLE_REPORT) != null) {
      schedule(now.plus(Duration.ofDays(3)), () -> escalationsHandled(id));
    }
  }

  private void answer(String id) {
    Task task = task(id, ReportProcess.TASK_HANDLE_REPORT);
    if (task == null) {
      return;
    }
    taskService.complete(task.getId(), Map.of("handling", "RESOLVED", "resultText", DemoReports.answer(random)));
    schedule(now.plus(DemoReports.hours(random, 1, 10)), () -> review(id));
    Task urge = task(id, ReportProcess.TASK_URGE_UNIT);
    if (urge != null) {
      schedule(now.plus(DemoReports.hours(random, 1, 4)), () -> escalationsHandled(id));
    }
  }

  private void review(String id) {
    Task task = task(id, ReportProcess.TASK_REVIEW_RESULT);
    if (task == null) {
      return;
    }
    if (random.nextDouble() < 0.04) {
      taskService.complete(task.getId(), Map.of("resultDecision", "RETURNED",
          "reviewNote", "Đề nghị bổ sung hình ảnh sau khi xử lý"));
      schedule(now.plus(DemoReports.hours(random, 4, 30)), () -> answer(id));
      return;
    }
    taskService.complete(task.getId(), Map.of("resultDecision", "ACCEPTED", "reviewNote", "Kết quả đạt yêu cầu"));
    // three in four citizens rate; the rest let the rating window close
    if (random.nextDouble() < 0.75) {
      schedule(now.plus(DemoReports.hours(random, 1, 60)), () -> rate(id));
    }
  }

  private void rate(String id) {
    if (task(id, ReportProcess.TASK_AWAIT_RATING) == null
        && runtimeService.createExecutionQuery().processInstanceBusinessKey(id)
            .messageEventSubscriptionName(ReportProcess.MESSAGE_REPORT_RATED).count() == 0) {
      return;
    }
    boolean satisfied = random.nextDouble() < 0.80;
    runtimeService.createMessageCorrelation(ReportProcess.MESSAGE_REPORT_RATED).processInstanceBusinessKey(id)
        .setVariable("rating", satisfied ? "SATISFIED" : "UNSATISFIED")
        .setVariable("ratingComment", satisfied ? "" : "Xử lý chưa triệt để")
        .correlate();
    if (!satisfied) {
      schedule(now.plus(DemoReports.hours(random, 2, 24)), () -> {
        Task complaint = task(id, ReportProcess.TASK_REVIEW_COMPLAINT);
        if (complaint != null) {
          taskService.complete(complaint.getId(), Map.of("complaintDecision", "CLOSE",
              "complaintNote", "Đơn vị đã xử lý đúng phạm vi trách nhiệm"));
        }
      });
    }
  }

  // ---------------------------------------------------------------- time and the engine

  /** Fires, in order and each at its due time, every job due by {@code until}: timers and mails. */
  private int runJobsDueBy(Instant until) {
    int run = 0;
    while (true) {
      moveClockTo(until.isBefore(now) ? now : until);
      List<Job> due = managementService.createJobQuery().executable().orderByJobDuedate().asc()
          .listPage(0, JOBS_PER_QUERY);
      if (due.isEmpty()) {
        return run;
      }
      for (Job job : due) {
        Date dueDate = job.getDuedate();
        moveClockTo(dueDate == null || dueDate.toInstant().isBefore(now) ? now : dueDate.toInstant());
        try {
          managementService.executeJob(job.getId());
        } catch (RuntimeException failed) {
          // the engine has recorded the failure on the job (retries, incident); the history goes on
          LOG.debug("Demo history: job {} failed: {}", job.getId(), failed.getMessage());
        }
        run++;
      }
    }
  }

  private void moveClockTo(Instant at) {
    now = at;
    ClockUtil.setCurrentTime(Date.from(at));
  }

  private void schedule(Instant at, Runnable action) {
    steps.add(new Step(at, sequence++, action, false));
  }

  private Task task(String reportId, String taskKey) {
    return taskService.createTaskQuery().processInstanceBusinessKey(reportId).taskDefinitionKey(taskKey).singleResult();
  }

  private Duration fraction(Duration whole, double from, double to) {
    return Duration.ofSeconds((long) (whole.toSeconds() * (from + random.nextDouble() * (to - from))));
  }

  private LogLevel level(String logger) {
    var configuration = loggingSystem.getLoggerConfiguration(logger);
    return configuration == null ? null : configuration.getConfiguredLevel();
  }

  private record Step(Instant at, long sequence, Runnable action, boolean submission) implements Comparable<Step> {

    @Override
    public int compareTo(Step other) {
      int byTime = at.compareTo(other.at);
      return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
    }
  }
}
