package vn.ioc.citizenreports.system;

import org.camunda.bpm.engine.IdentityService;
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
  FilterRegistrationBean<DeploymentPermissionFilter> deploymentPermission(IdentityService identityService) {
    FilterRegistrationBean<DeploymentPermissionFilter> registration =
        new FilterRegistrationBean<>(new DeploymentPermissionFilter(identityService));
    registration.setName("engine-rest-deployment-permission");
    // every REST call passes; the filter itself picks the deployment paths, engine-qualified or not
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(AUTHENTICATION_ORDER + 1);
    return registration;
  }
}
