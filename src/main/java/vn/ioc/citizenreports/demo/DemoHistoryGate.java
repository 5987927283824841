package vn.ioc.citizenreports.demo;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The web server takes requests before the demo history has replayed, and the replay holds the
 * engine's clock months in the past: until it is done every request gets 503 with Retry-After,
 * so that nothing is recorded at a replayed moment.
 */
@Component
@Profile("demo")
class DemoHistoryGate extends OncePerRequestFilter {

  private final DemoHistory history;

  DemoHistoryGate(DemoHistory history) {
    this.history = history;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (history.replaying()) {
      response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
      response.setHeader("Retry-After", "30");
      response.setContentType("text/plain;charset=UTF-8");
      response.getWriter().write("The demo history is being replayed; try again in a minute.\n");
      return;
    }
    chain.doFilter(request, response);
  }
}
