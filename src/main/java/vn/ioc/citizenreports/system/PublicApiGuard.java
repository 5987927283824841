package vn.ioc.citizenreports.system;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What protects the public endpoints (/api, /open311, the citizens' page /r) before any of our
 * code runs: a rate limit per client address (429 with Retry-After), a cap on the size of
 * non-file bodies (413), and security headers on every answer.
 */
class PublicApiGuard extends OncePerRequestFilter {

  /** A report, a rating or an Open311 request is a few kilobytes; files go as multipart. */
  static final long MAX_BODY_BYTES = 64 * 1024;

  private final RateLimitProperties limits;
  private final Cache<String, Bucket> submissionBuckets;
  private final Cache<String, Bucket> readBuckets;

  PublicApiGuard(RateLimitProperties limits) {
    this.limits = limits;
    this.submissionBuckets = Caffeine.newBuilder().expireAfterAccess(Duration.ofHours(1)).maximumSize(200_000).build();
    this.readBuckets = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(10)).maximumSize(200_000).build();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    securityHeaders(request, response);

    boolean changes = !HttpMethod.GET.matches(request.getMethod()) && !HttpMethod.HEAD.matches(request.getMethod());
    String client = clientOf(request.getRemoteAddr());
    Bucket bucket = changes
        ? submissionBuckets.get(client, address -> bucket(limits.submissionsPerHour(), Duration.ofHours(1)))
        : readBuckets.get(client, address -> bucket(limits.readsPerMinute(), Duration.ofMinutes(1)));
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    if (!probe.isConsumed()) {
      long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
      response.setHeader("Retry-After", Long.toString(seconds));
      problem(response, HttpStatus.TOO_MANY_REQUESTS, "Too many requests from this address; try again in " + seconds + " s");
      return;
    }

    String contentType = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
    if (request.getContentLengthLong() > MAX_BODY_BYTES && !contentType.startsWith("multipart/")) {
      problem(response, HttpStatus.PAYLOAD_TOO_LARGE, "The request body is larger than " + MAX_BODY_BYTES / 1024 + " KB");
      return;
    }
    chain.doFilter(request, response);
  }

  /** The address a limit counts: an IPv4 address, or the /64 network of an IPv6 one (one household). */
  static String clientOf(String remoteAddress) {
    if (!remoteAddress.contains(":")) {
      return remoteAddress;
    }
    try {
      byte[] address = InetAddress.getByName(remoteAddress).getAddress();
      return address.length == 16 ? HexFormat.of().formatHex(address, 0, 8) + "::/64" : remoteAddress;
    } catch (UnknownHostException notAnAddress) {
      return remoteAddress;
    }
  }

  private static void securityHeaders(HttpServletRequest request, HttpServletResponse response) {
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    // tracking links carry the citizen's token: never pass them on to another site
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("Content-Security-Policy", request.getRequestURI().startsWith("/r/")
        ? "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'"
        : "default-src 'none'; frame-ancestors 'none'");
    response.setHeader("Cache-Control", "no-store");
  }

  private static void problem(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
    response.setStatus(status.value());
    response.setContentType("application/problem+json");
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write("{\"title\":\"" + status.getReasonPhrase() + "\",\"status\":" + status.value()
        + ",\"detail\":\"" + detail + "\"}");
  }

  private static Bucket bucket(int capacity, Duration period) {
    return Bucket.builder()
        .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
        .build();
  }
}
