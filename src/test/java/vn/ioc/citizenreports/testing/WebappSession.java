package vn.ioc.citizenreports.testing;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A browser's session with Camunda's webapps: logged in through the webapps' own login (as the
 * Tasklist page does), then calling their internal API with the session cookie and CSRF token.
 */
public final class WebappSession {

  /** The engine's delay after one wrong password is 3 s, after a few more some seconds longer. */
  private static final int LOGIN_DELAY_SECONDS = 10;

  private final String baseUrl;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient http;

  private WebappSession(String baseUrl) {
    this.baseUrl = baseUrl;
    this.http = HttpClient.newBuilder().cookieHandler(cookies).build();
  }

  /** Logs in to the given webapp (tasklist, cockpit, admin); fails unless the login is accepted. */
  public static WebappSession login(String baseUrl, String app, String user, String password) {
    WebappSession session = new WebappSession(baseUrl);
    HttpJson.send(session.http, HttpRequest.newBuilder(URI.create(baseUrl + "/camunda/app/" + app + "/")).GET().build());
    HttpResponse<String> login = session.postLogin(app, user, password);
    // a test sharing this application may just have tried a wrong password for the same user: the
    // engine then refuses every login for a few seconds (its brute-force delay)
    for (int attempt = 0; login.statusCode() == 401 && attempt < LOGIN_DELAY_SECONDS; attempt++) {
      pause();
      login = session.postLogin(app, user, password);
    }
    if (login.statusCode() != 200) {
      throw new IllegalStateException(user + " could not log in to " + app + ": " + login.statusCode() + " " + login.body());
    }
    return session;
  }

  private HttpResponse<String> postLogin(String app, String user, String password) {
    return HttpJson.send(http, HttpRequest.newBuilder(URI.create(baseUrl + "/camunda/api/admin/auth/user/default/login/" + app))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", csrfToken())
        .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(user) + "&password=" + encode(password)))
        .build());
  }

  private static void pause() {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A GET on the webapps' engine API, e.g. {@code /task?...}: what Tasklist's pages call. */
  public HttpResponse<String> engineGet(String path) {
    return HttpJson.send(http, HttpRequest.newBuilder(engineApi(path)).GET().build());
  }

  /** A POST on the webapps' engine API with a JSON body, with the CSRF token the pages send. */
  public HttpResponse<String> enginePost(String path, String json) {
    return HttpJson.send(http, HttpRequest.newBuilder(engineApi(path))
        .header("Content-Type", "application/json")
        .header("X-XSRF-TOKEN", csrfToken())
        .POST(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  /** A POST as Tasklist lists a filter's tasks: HAL, with the card variables embedded. */
  public HttpResponse<String> enginePostHal(String path, String json) {
    return HttpJson.send(http, HttpRequest.newBuilder(engineApi(path))
        .header("Content-Type", "application/json")
        .header("Accept", "application/hal+json")
        .header("X-XSRF-TOKEN", csrfToken())
        .POST(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  /** A GET on any path of the webapps, e.g. {@code /camunda/api/cockpit/plugin/...}. */
  public HttpResponse<String> get(String path) {
    return HttpJson.send(http, HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build());
  }

  private URI engineApi(String path) {
    return URI.create(baseUrl + "/camunda/api/engine/engine/default" + path);
  }

  private String csrfToken() {
    return cookies.getCookieStore().getCookies().stream()
        .filter(cookie -> cookie.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue)
        .reduce((first, last) -> last).orElse("");
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
