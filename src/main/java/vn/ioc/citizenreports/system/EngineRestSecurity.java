package vn.ioc.citizenreports.system;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine's REST API is open by default. Every call must carry HTTP Basic credentials of an
 * engine user (Camunda Modeler's "Deploy" sends them too); the engine then knows who acted.
 */
@Configuration
class EngineRestSecurity {

  private static final int AUTHENTICATION_ORDER = 10;

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("engine-rest-authentication");
    registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(AUTHENTICATION_ORDER);
    return registration;
  }

  @Bean
  FilterRegistrationBean<FormVariablesGuard> formVariablesGuard(TaskService taskService, FormService formService,
      RepositoryService repositoryService, IdentityService identityService) {
    FilterRegistrationBean<FormVariablesGuard> registration = new FilterRegistrationBean<>(
        new FormVariablesGuard(taskService, formService, repositoryService, identityService));
    registration.setName("form-variables-guard");
    // the engine's REST API and the webapps' copy of it that Tasklist calls
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(AUTHENTICATION_ORDER + 2);
    return registration;
  }
}
