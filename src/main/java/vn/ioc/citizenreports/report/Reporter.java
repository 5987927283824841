package vn.ioc.citizenreports.report;

/** The citizen's contact, all optional: reports may be anonymous. */
public record Reporter(String name, String phone, String email) {

  public static final Reporter ANONYMOUS = new Reporter(null, null, null);

  public boolean hasEmail() {
    return email != null && !email.isBlank();
  }
}
