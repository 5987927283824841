package vn.ioc.citizenreports.handling;

import java.time.Instant;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** The engine's notion of now, which tests move with {@code ClockUtil}. */
final class EngineClock {

  private EngineClock() {}

  static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
