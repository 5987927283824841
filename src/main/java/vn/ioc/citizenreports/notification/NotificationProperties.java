package vn.ioc.citizenreports.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param from sender address of every mail
 * @param leaders mailbox of the leaders (reprimands)
 * @param publicBaseUrl where citizens follow their reports, for links in mails
 */
@ConfigurationProperties("citizen-reports.notification")
public record NotificationProperties(String from, String leaders, String publicBaseUrl) {}
