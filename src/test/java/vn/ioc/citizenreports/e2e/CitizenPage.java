package vn.ioc.citizenreports.e2e;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
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
    // Opening the page already shown can return before the new document replaces the old one
    // (ChromeDriver, same URL): read nothing until the page shown before is gone.
    List<WebElement> shownBefore = browser.driver().findElements(By.tagName("main"));
    browser.get("/r/" + receipt.id() + "?token=" + receipt.token());
    shownBefore.forEach(main -> browser.await("the page reloaded", ExpectedConditions.stalenessOf(main)));
    String state = browser.visible(By.cssSelector("main .state")).getText();
    String text = browser.driver().findElement(By.tagName("main")).getText();
    browser.screenshot("citizen-page-" + step);
    return new Shown(state, text);
  }
}
