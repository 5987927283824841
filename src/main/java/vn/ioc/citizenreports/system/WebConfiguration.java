package vn.ioc.citizenreports.system;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.xml.MappingJackson2XmlHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Jackson's XML module is on the classpath for Open311, which writes its XML itself; Spring would
 * otherwise offer XML on every endpoint and choose it for browsers.
 */
@Configuration
class WebConfiguration implements WebMvcConfigurer {

  @Override
  public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
    converters.removeIf(converter -> converter instanceof MappingJackson2XmlHttpMessageConverter);
  }
}
