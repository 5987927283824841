package vn.ioc.citizenreports.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * CPU time used so far by this JVM and by the PostgreSQL servers' processes on this machine (Linux,
 * from /proc): the work a benchmark's run cost, a steadier measure than its throughput on a shared
 * machine. Backends that ended are counted through their postmaster. Every postgres process counts,
 * so the benchmark must be the machine's only PostgreSQL user while it runs.
 */
public final class MachineCpu {

  /** Clock ticks per second of /proc's times (USER_HZ, 100 on Linux). */
  private static final double TICKS_PER_SECOND = 100;

  private MachineCpu() {
  }

  /** CPU seconds of this JVM and of every postgres process, or NaN where /proc is not readable. */
  public record Reading(double jvmSeconds, double postgresSeconds) {

    public double totalSeconds() {
      return jvmSeconds + postgresSeconds;
    }

    public Reading since(Reading earlier) {
      return new Reading(jvmSeconds - earlier.jvmSeconds, postgresSeconds - earlier.postgresSeconds);
    }
  }

  public static Reading read() {
    Map<Long, Stat> processes = new HashMap<>();
    try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
      entries.filter(entry -> entry.getFileName().toString().chars().allMatch(Character::isDigit))
          .forEach(entry -> stat(entry.resolve("stat")).ifPresent(stat -> processes.put(stat.pid, stat)));
    } catch (IOException | RuntimeException e) {
      return new Reading(Double.NaN, Double.NaN);
    }
    Stat jvm = processes.get(ProcessHandle.current().pid());
    double postgres = 0;
    for (Stat process : processes.values()) {
      if (process.command.equals("postgres")) {
        Stat parent = processes.get(process.parentPid);
        boolean postmaster = parent == null || !parent.command.equals("postgres");
        // the postmaster's children's times include every backend that has ended
        postgres += process.ownTicks + (postmaster ? process.endedChildrenTicks : 0);
      }
    }
    return new Reading(jvm == null ? Double.NaN : jvm.ownTicks / TICKS_PER_SECOND, postgres / TICKS_PER_SECOND);
  }

  private record Stat(long pid, String command, long parentPid, long ownTicks, long endedChildrenTicks) {
  }

  private static Optional<Stat> stat(Path file) {
    try {
      String line = Files.readString(file);
      // pid (command) state ppid ... utime(14) stime(15) cutime(16) cstime(17): the command may hold spaces
      int open = line.indexOf('(');
      int close = line.lastIndexOf(')');
      String[] fields = line.substring(close + 2).split(" ");
      return Optional.of(new Stat(Long.parseLong(line.substring(0, open).trim()), line.substring(open + 1, close),
          Long.parseLong(fields[1]), Long.parseLong(fields[11]) + Long.parseLong(fields[12]),
          Long.parseLong(fields[13]) + Long.parseLong(fields[14])));
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // the process ended while we looked
    }
  }
}
