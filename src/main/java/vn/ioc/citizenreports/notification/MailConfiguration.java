package vn.ioc.citizenreports.notification;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

@Configuration
@EnableConfigurationProperties(NotificationProperties.class)
class MailConfiguration {

  /** SMTP when Spring Boot configured a mail sender (spring.mail.host set), the log otherwise. */
  @Bean
  MailGateway mailGateway(ObjectProvider<JavaMailSender> sender, NotificationProperties properties) {
    JavaMailSender javaMailSender = sender.getIfAvailable();
    return javaMailSender == null ? new LoggingMailGateway() : new SmtpMailGateway(javaMailSender, properties.from());
  }
}
