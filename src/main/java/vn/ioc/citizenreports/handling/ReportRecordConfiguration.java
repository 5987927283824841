package vn.ioc.citizenreports.handling;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ReportRecordConfiguration {

  /** The Camunda starter adds every ProcessEnginePlugin bean to the engine. */
  @Bean
  static ReportRecordPlugin reportRecordPlugin() {
    return new ReportRecordPlugin();
  }
}
