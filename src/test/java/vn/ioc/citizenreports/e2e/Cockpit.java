package vn.ioc.citizenreports.e2e;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** Camunda Cockpit as a leader uses it: a process's running instances, filtered by a variable. */
final class Cockpit {

  private static final By INSTANCE_BUSINESS_KEYS = By.cssSelector("[cam-searchable-area] td.business-key");

  private final Browser browser;

  private Cockpit(Browser browser) {
    this.browser = browser;
  }

  static Cockpit logIn(Browser browser, String user) {
    browser.logIn("cockpit", user);
    return new Cockpit(browser);
  }

  /** Processes, then the process by its key: its diagram and its running instances. */
  void openProcess(String key) {
    browser.get("/camunda/app/cockpit/default/#/processes");
    browser.click(By.linkText(key));
    browser.visible(By.cssSelector("[cam-searchable-area] input[ng-model='inputQuery']"));
  }

  /** Types a variable criterion into the instance list's search box, as "Variable : name = value". */
  void filterByVariable(String name, String value) {
    browser.click(By.cssSelector("[cam-searchable-area] input[ng-model='inputQuery']"));
    browser.click(By.cssSelector("li.uib-typeahead-match a[title='Variable']"));
    editPillField("name-field", name);
    editPillField("value-field", value);
    browser.await("the search for " + name + " applied", driver -> driver.getCurrentUrl().contains("%22name%22:%22" + name + "%22"));
    browser.hover(By.cssSelector("[cam-searchable-area] table"));
  }

  /**
   * Types into one part of the search pill. Its editor opens by itself after the previous part,
   * or, depending on timing, only on a click on the part's "??".
   */
  private void editPillField(String part, String text) {
    By editor = By.cssSelector(".search-label ." + part + " input[ng-model='formData.editValue']");
    By placeholder = By.cssSelector(".search-label ." + part + " .view-value");
    // typing is part of the wait: the editor may be shown a moment before it takes keys
    browser.await(part + " typed into", driver -> {
      var open = driver.findElements(editor).stream().filter(WebElement::isDisplayed).findFirst();
      if (open.isEmpty()) {
        driver.findElements(placeholder).stream().filter(WebElement::isDisplayed).findFirst().ifPresent(WebElement::click);
        return null;
      }
      try {
        open.get().sendKeys(text, Keys.ENTER);
        return true;
      } catch (ElementNotInteractableException notYet) {
        return null;
      }
    });
  }

  /** Waits until the instance list shows exactly these business keys (it reloads after a search), then returns them. */
  List<String> instancesOnceListed(Collection<String> businessKeys) {
    Set<String> expected = Set.copyOf(businessKeys);
    browser.await("instances " + expected + " listed", driver -> Set.copyOf(listed()).equals(expected));
    return listed();
  }

  private List<String> listed() {
    return browser.driver().findElements(INSTANCE_BUSINESS_KEYS).stream().map(cell -> cell.getText().strip()).toList();
  }
}
