package vn.ioc.citizenreports.report;

/** One photo or video sent with a report; {@code seq} counts from 1. */
public record Evidence(String reportId, int seq, String fileName, String contentType, long size, String sha256) {

  public boolean isImage() {
    return contentType.startsWith("image/");
  }
}
