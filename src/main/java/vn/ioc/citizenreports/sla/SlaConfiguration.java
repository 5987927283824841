package vn.ioc.citizenreports.sla;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class SlaConfiguration {

  @Bean
  WorkingCalendar workingCalendar() {
    return WorkingCalendar.load();
  }
}
