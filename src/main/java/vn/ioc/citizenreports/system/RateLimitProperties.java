package vn.ioc.citizenreports.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Requests per client address on the public endpoints, per node: reports, ratings and Open311
 * posts per hour, and reads per minute.
 */
@ConfigurationProperties("citizen-reports.rate-limit")
record RateLimitProperties(@DefaultValue("30") int submissionsPerHour, @DefaultValue("300") int readsPerMinute) {
}
