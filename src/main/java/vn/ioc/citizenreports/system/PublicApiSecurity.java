package vn.ioc.citizenreports.system;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The public endpoints' guard, ahead of every other filter. */
@Configuration
@EnableConfigurationProperties(RateLimitProperties.class)
class PublicApiSecurity {

  @Bean
  FilterRegistrationBean<PublicApiGuard> publicApiGuard(RateLimitProperties limits) {
    FilterRegistrationBean<PublicApiGuard> registration = new FilterRegistrationBean<>(new PublicApiGuard(limits));
    registration.setName("public-api-guard");
    registration.addUrlPatterns("/api/*", "/open311/*", "/r/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }
}
