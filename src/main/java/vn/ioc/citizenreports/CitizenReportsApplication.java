package vn.ioc.citizenreports;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class CitizenReportsApplication {

  public static void main(String[] args) {
    SpringApplication.run(CitizenReportsApplication.class, args);
  }
}
