package vn.ioc.citizenreports.handling;

/** The values a task's outcome variable may take: the contract with forms and other systems. */
public final class Outcomes {

  /** {@code verification}, from Task_VerifyReport. */
  public enum Verification { VALID, INVALID, DUPLICATE }

  /** {@code rejectionReason}, when the report is INVALID. */
  public enum RejectionReason {
    SPAM("Tin rác, quảng cáo"),
    ABUSIVE("Nội dung xúc phạm, kích động"),
    OUTSIDE_AREA("Ngoài địa bàn"),
    INSUFFICIENT_INFORMATION("Không đủ thông tin để xử lý");

    private final String text;

    RejectionReason(String text) {
      this.text = text;
    }

    public String text() {
      return text;
    }
  }

  /** {@code priority}, set by the IOC when verifying. */
  public enum Priority { NORMAL, URGENT }

  /** {@code handling}, from Task_HandleReport. */
  public enum Handling { RESOLVED, EXTENSION_REQUESTED, NOT_RESPONSIBLE }

  /** {@code extensionDecision}, from Task_ReviewExtension. */
  public enum ExtensionDecision { APPROVED, REJECTED }

  /** {@code resultDecision}, from Task_ReviewResult. */
  public enum ResultDecision { ACCEPTED, RETURNED }

  /** {@code complaintDecision}, from Task_ReviewComplaint. */
  public enum ComplaintDecision { REOPEN, CLOSE }

  /** {@code rating}, from message ReportRated; NONE when the window closed unrated. */
  public enum Rating { SATISFIED, UNSATISFIED, NONE }

  private Outcomes() {}
}
