package vn.ioc.citizenreports.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * CPU time used so far by this JVM and by one PostgreSQL server's processes (Linux, from /proc):
 * the work a benchmark's run cost, a steadier measure than its throughput on a shared machine.
 * The server is its postmaster and the postmaster's children; backends that ended are counted in
 * the postmaster's children's times.
 */
public final class MachineCpu {

  /** Clock ticks per second of /proc's times (USER_HZ, 100 on Linux). */
  private static final double TICKS_PER_SECOND = 100;

  private MachineCpu() {
  }

  /** CPU seconds of this JVM and of the server's processes, NaN where /proc is not readable. */
  public record Reading(double jvmSeconds, double postgresSeconds) {

    public double totalSeconds() {
      return jvmSeconds + postgresSeconds;
    }

    public Reading since(Reading earlier) {
      return new Reading(jvmSeconds - earlier.jvmSeconds, postgresSeconds - earlier.postgresSeconds);
    }
  }

  /** The postmaster of a backend, e.g. of {@code SELECT pg_backend_pid()}; empty off Linux. */
  public static Optional<Long> postmasterOf(long backendPid) {
    return stat(Path.of("/proc", Long.toString(backendPid), "stat")).map(Stat::parentPid);
  }

  /** @param postmasterPid the server to count, or empty for none (H2) */
  public static Reading read(Optional<Long> postmasterPid) {
    double jvm = stat(Path.of("/proc/self/stat")).map(stat -> stat.ownTicks / TICKS_PER_SECOND).orElse(Double.NaN);
    if (postmasterPid.isEmpty()) {
      return new Reading(jvm, 0);
    }
    long postmaster = postmasterPid.get();
    long ticks = 0;
    try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
      for (Path entry : (Iterable<Path>) entries::iterator) {
        if (!entry.getFileName().toString().chars().allMatch(Character::isDigit)) {
          continue;
        }
        Optional<Stat> process = stat(entry.resolve("stat"));
        if (process.isPresent() && process.get().pid == postmaster) {
          ticks += process.get().ownTicks + process.get().endedChildrenTicks;
        } else if (process.isPresent() && process.get().parentPid == postmaster) {
          ticks += process.get().ownTicks;
        }
      }
    } catch (IOException | RuntimeException e) {
      return new Reading(jvm, Double.NaN);
    }
    return new Reading(jvm, ticks / TICKS_PER_SECOND);
  }

  private record Stat(long pid, long parentPid, long ownTicks, long endedChildrenTicks) {
  }

  private static Optional<Stat> stat(Path file) {
    try {
      String line = Files.readString(file);
      // pid (command) state ppid ... utime(14) stime(15) cutime(16) cstime(17): the command may hold spaces
      String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
      return Optional.of(new Stat(Long.parseLong(line.substring(0, line.indexOf('(')).trim()), Long.parseLong(fields[1]),
          Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long.parseLong(fields[13]) + Long.parseLong(fields[14])));
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // the process ended while we looked, or this is not Linux
    }
  }
}
