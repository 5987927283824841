package vn.ioc.citizenreports.e2e;

import java.util.HashMap;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The Cockpit plugin "Kiểm tra SLA" as a leader uses it: scorecard, overdue and extended cases. */
final class SlaAuditPage {

  private static final By LOADED = By.cssSelector("[data-test='sla-audit'][data-loaded='true']");

  private final Browser browser;

  private SlaAuditPage(Browser browser) {
    this.browser = browser;
  }

  /** From Cockpit's top bar, as a leader finds it (the entry's text is in the page's language). */
  static SlaAuditPage openFromCockpit(Browser browser) {
    browser.click(By.cssSelector("a[href='#/sla-audit']"));
    browser.visible(LOADED);
    return new SlaAuditPage(browser);
  }

  void showTab(String tab) {
    browser.click(By.cssSelector("[data-test='sla-audit'] button[data-tab='" + tab + "']"));
    browser.visible(LOADED);
  }

  /** Chooses a unit in the filters and shows what it finds. */
  void filterByUnit(String unitId) {
    new Select(browser.visible(By.cssSelector("[data-test='sla-audit'] select[name='unitId']"))).selectByValue(unitId);
    browser.click(By.cssSelector("[data-test='sla-audit'] form button[type='submit']"));
    browser.visible(LOADED);
  }

  String field(String name) {
    return browser.visible(By.cssSelector("[data-test='sla-audit'] [name='" + name + "']")).getDomProperty("value");
  }

  /** A scorecard row's figures by column (processed, onTime, inProgressOverdue, …), as whole numbers. */
  Map<String, Long> scorecardRow(String unitIdOrCity) {
    WebElement row = browser.visible(By.cssSelector("table.sla-scorecard tr[data-unit='" + unitIdOrCity + "']"));
    Map<String, Long> figures = new HashMap<>();
    for (WebElement cell : row.findElements(By.cssSelector("td[data-column]"))) {
      String digits = cell.getText().replaceAll("[^0-9]", "");
      if (!digits.isEmpty() && !cell.getText().matches(".*[.,]\\d$")) {
        figures.put(cell.getDomAttribute("data-column"), Long.parseLong(digits));
      }
    }
    return figures;
  }

  /** A case row's cells by column (unit, escalationLevel, outcome). */
  Map<String, String> caseRow(String reportId) {
    WebElement row = browser.visible(By.cssSelector("table.sla-cases tr[data-report='" + reportId + "']"));
    browser.showAtTop(row);
    Map<String, String> cells = new HashMap<>();
    row.findElements(By.cssSelector("td[data-column]"))
        .forEach(cell -> cells.put(cell.getDomAttribute("data-column"), cell.getText().strip()));
    return cells;
  }

  String total() {
    return browser.visible(By.cssSelector("[data-test='sla-audit'] .sla-total")).getText();
  }
}
