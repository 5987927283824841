package vn.ioc.citizenreports.report;

/** Where a report came in. */
public enum Channel {
  APP, WEB, ZALO, FACEBOOK, EMAIL, HOTLINE, PRESS, CAMERA_AI
}
