package vn.ioc.citizenreports.system;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ClockConfiguration {

  /**
   * The application's clock is the engine's: one notion of now for report rows, deadlines and
   * timers. It is the system's time unless something moves the engine's clock (tests, and the
   * demo history, which replays months of reports).
   */
  @Bean
  Clock clock() {
    return new EngineFollowingClock(ZoneOffset.UTC);
  }

  private static final class EngineFollowingClock extends Clock {

    private final ZoneId zone;

    EngineFollowingClock(ZoneId zone) {
      this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
      return new EngineFollowingClock(other);
    }

    @Override
    public Instant instant() {
      return ClockUtil.getCurrentTime().toInstant();
    }
  }
}
