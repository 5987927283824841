package vn.ioc.citizenreports.notification;

/** One rendered plain-text mail. */
public record MailMessage(String to, String subject, String body) {}
