package vn.ioc.citizenreports.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives one operation (a submission) for a while and measures it, for the benchmarks' main
 * classes. Closed loop: a fixed number of clients, each sending its next request when the last
 * one is answered (the maximum throughput). Open loop: requests at a fixed rate whatever the
 * answers do, each timed from when it was meant to be sent, so that a stalled server shows in the
 * latencies instead of slowing the sender down (no coordinated omission).
 */
public final class Load {

  /** One request; throws when it failed (the error is counted, not the latency). */
  @FunctionalInterface
  public interface Operation {
    void run() throws Exception;
  }

  /** What a run gave: completed requests per second and their latencies. */
  public record Result(int completed, int failed, double seconds, long[] sortedNanos, String firstError) {

    public double perSecond() {
      return completed / seconds;
    }

    public double millis(double quantile) {
      if (sortedNanos.length == 0) {
        return Double.NaN;
      }
      int index = (int) Math.ceil(quantile * sortedNanos.length) - 1;
      return sortedNanos[Math.max(0, Math.min(index, sortedNanos.length - 1))] / 1e6;
    }

    @Override
    public String toString() {
      return "%7.1f /s  p50 %7.1f ms  p99 %7.1f ms  max %7.1f ms  (%d done, %d failed%s)".formatted(perSecond(),
          millis(0.50), millis(0.99), millis(1.0), completed, failed, firstError == null ? "" : ": " + firstError);
    }
  }

  private Load() {
  }

  public static Result closedLoop(int clients, Duration duration, Operation operation) {
    Recorder recorder = new Recorder();
    long end = System.nanoTime() + duration.toNanos();
    List<Thread> threads = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < clients; i++) {
      Thread client = new Thread(() -> {
        while (System.nanoTime() < end) {
          long sent = System.nanoTime();
          recorder.run(operation, sent);
        }
      }, "closed-loop-client-" + i);
      client.start();
      threads.add(client);
    }
    threads.forEach(Load::join);
    return recorder.result((System.nanoTime() - start) / 1e9);
  }

  /**
   * Sends at {@code perSecond} for the duration from up to {@code maxInFlight} threads; requests
   * beyond that wait in a queue, and their wait counts in their latency.
   */
  public static Result openLoop(double perSecond, Duration duration, int maxInFlight, Operation operation) {
    Recorder recorder = new Recorder();
    ExecutorService senders = Executors.newFixedThreadPool(maxInFlight);
    long periodNanos = (long) (1e9 / perSecond);
    long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
    long end = start + duration.toNanos();
    for (long intended = start; intended < end; intended += periodNanos) {
      long waitNanos = intended - System.nanoTime();
      if (waitNanos > 0) {
        LockSupport.parkNanos(waitNanos);
      }
      long sendAt = intended;
      senders.execute(() -> recorder.run(operation, sendAt));
    }
    senders.shutdown();
    try {
      if (!senders.awaitTermination(5, TimeUnit.MINUTES)) {
        throw new IllegalStateException("open loop: requests still running 5 minutes after the last was sent");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    // the rate achieved: until the last answer, which may come well after the last send
    return recorder.result((recorder.lastAnswer() - start) / 1e9);
  }

  /** "median (min to max)" of repeated runs' figures. */
  public static String spread(List<Double> values, String format) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return (format + " (" + format + " to " + format + ")").formatted(median(values), sorted[0], sorted[sorted.length - 1]);
  }

  public static double median(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  }

  /** Thread.sleep for the benchmarks' waits; an interrupt ends the benchmark. */
  public static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void join(Thread thread) {
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static final class Recorder {
    private final List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicReference<String> firstError = new AtomicReference<>();
    private final AtomicLong lastAnswer = new AtomicLong();

    void run(Operation operation, long sentAt) {
      try {
        operation.run();
        long answered = System.nanoTime();
        nanos.add(answered - sentAt);
        lastAnswer.accumulateAndGet(answered, Math::max);
      } catch (Exception e) {
        failed.incrementAndGet();
        firstError.compareAndSet(null, e.toString());
      }
    }

    long lastAnswer() {
      return lastAnswer.get();
    }

    Result result(double seconds) {
      long[] sorted;
      synchronized (nanos) {
        sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
      }
      return new Result(sorted.length, failed.get(), seconds, sorted, firstError.get());
    }
  }
}
