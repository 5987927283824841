package vn.ioc.citizenreports.e2e;

import org.openqa.selenium.By;
import vn.ioc.citizenreports.report.Receipt;

/** The citizen's own page of a report (/r/{id}), opened with the token from the receipt, as mails link it. */
final class CitizenPage {

  /** What the page shows: its state line and all of its text. */
  record Shown(String state, String text) {}

  private final Browser browser;

  CitizenPage(Browser browser) {
    this.browser = browser;
  }

  /** Opens (or reloads) the page and takes its screenshot. */
  Shown open(Receipt receipt, String step) {
    browser.get("/r/" + receipt.id() + "?token=" + receipt.token());
    String state = browser.visible(By.cssSelector("main .state")).getText();
    String text = browser.driver().findElement(By.tagName("main")).getText();
    browser.screenshot("citizen-page-" + step);
    return new Shown(state, text);
  }
}
