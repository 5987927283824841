package vn.ioc.citizenreports.report;

/** What the citizen gets back: the report id and the secret token to follow and rate it. */
public record Receipt(String id, String token) {}
