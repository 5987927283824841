package vn.ioc.citizenreports.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.imageio.ImageIO;
import vn.ioc.citizenreports.reference.Category;
import vn.ioc.citizenreports.reference.ReferenceData;
import vn.ioc.citizenreports.reference.Ward;
import vn.ioc.citizenreports.testing.HttpJson;

/** The reports the benchmarks send: any category, any ward, a GPS position, one small photo. */
public final class BenchmarkReports {

  private final ReferenceData reference = new ReferenceData();
  private final List<Category> categories = new ArrayList<>(reference.categories());
  private final List<Ward> wards = new ArrayList<>(reference.wards());
  private final byte[] photo = smallJpeg();

  /** A report as the citizens' app sends it, with a position in the province. */
  public Map<String, Object> randomReport() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("category", categories.get(random.nextInt(categories.size())).code());
    report.put("description", "Phản ánh thử tải số " + random.nextInt(1_000_000));
    report.put("wardCode", wards.get(random.nextInt(wards.size())).code());
    report.put("address", random.nextInt(1, 200) + " Lê Lợi");
    report.put("latitude", random.nextDouble(16.0, 16.7));
    report.put("longitude", random.nextDouble(107.1, 108.1));
    report.put("channel", "APP");
    report.put("reporter", Map.of("name", "Nguyễn Văn A", "email", "nguyenvana@example.vn"));
    return report;
  }

  /** Posts a report with its photo as multipart to POST /api/reports; anything but 201 throws. */
  public void submit(HttpClient http, URI reportsUri) {
    String boundary = "----benchmark" + ThreadLocalRandom.current().nextLong(Long.MAX_VALUE);
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    part(body, boundary, "Content-Disposition: form-data; name=\"report\"\r\nContent-Type: application/json",
        HttpJson.write(randomReport()).getBytes(StandardCharsets.UTF_8));
    part(body, boundary, "Content-Disposition: form-data; name=\"evidence\"; filename=\"o-ga.jpg\"\r\nContent-Type: image/jpeg",
        photo);
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    HttpResponse<String> response = HttpJson.send(http, HttpRequest.newBuilder(reportsUri)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    if (response.statusCode() != 201) {
      throw new IllegalStateException(response.statusCode() + " " + response.body());
    }
  }

  private static void part(ByteArrayOutputStream body, String boundary, String headers, byte[] content) {
    body.writeBytes(("--" + boundary + "\r\n" + headers + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
  }

  /** A 64 x 48 JPEG of about a kilobyte: the photo's checks and storage, not its size, are measured. */
  private static byte[] smallJpeg() {
    BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < 64; x++) {
      image.setRGB(x, x % 48, 0xC0392B);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "jpg", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
