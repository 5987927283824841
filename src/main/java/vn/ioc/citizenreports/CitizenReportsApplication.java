package vn.ioc.citizenreports;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling // operations' sweeps (JobDueDates)
public class CitizenReportsApplication {

  public static void main(String[] args) {
    SpringApplication.run(CitizenReportsApplication.class, args);
  }
}
