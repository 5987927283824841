package vn.ioc.citizenreports.e2e;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Camunda Tasklist as a person uses it: a filter on the left, the task list, and the task's
 * Camunda Form (form-js), whose fields carry ids ending in {@code -Field_<variable>}.
 */
final class Tasklist {

  private static final String MY_UNIT = "Việc của đơn vị tôi";

  // form-js's date picker takes what is typed in its placeholder's format, mm/dd/yyyy
  private static final DateTimeFormatter DATE_PICKER = DateTimeFormatter.ofPattern("MM/dd/yyyy");

  private final Browser browser;

  private Tasklist(Browser browser) {
    this.browser = browser;
  }

  static Tasklist logIn(Browser browser, String user) {
    browser.logIn("tasklist", user);
    browser.visible(By.cssSelector(".task-filter"));
    return new Tasklist(browser);
  }

  /** Chooses the filter "Việc của đơn vị tôi", waits until it lists the task, and returns every task it lists. */
  List<String> myUnitQueueShowing(String taskId) {
    openFilter(MY_UNIT);
    return listShowing(taskId);
  }

  private void openFilter(String name) {
    String filter = "//div[contains(@class,'task-filter')][.//h4//a[starts-with(normalize-space(.), '" + name + "')]]";
    browser.click(By.xpath(filter + "//h4//a"));
    browser.await("filter " + name + " chosen", ExpectedConditions.attributeContains(By.xpath(filter), "class", "active"));
  }

  private List<String> listShowing(String taskId) {
    browser.visible(taskLink(taskId));
    return browser.driver().findElements(By.cssSelector("li.task h4.task a")).stream()
        .map(link -> link.getDomAttribute("href").replace("#/?task=", ""))
        .toList();
  }

  /** The text the task's card in the list shows (its name and, where readable, the report's variables). */
  String card(String taskId) {
    return browser.visible(By.xpath("//li[contains(@class,'task')][.//h4//a[@href='#/?task=" + taskId + "']]")).getText();
  }

  void openTask(String taskId) {
    browser.click(taskLink(taskId));
    browser.visible(By.cssSelector(".fjs-container"));
    browser.await("the form's report id", driver -> !field("reportId").isEmpty());
  }

  void claim() {
    browser.click(By.cssSelector("button.claim"));
    // the form becomes editable once the task is the user's own
    browser.gone(By.cssSelector(".disabled-form"));
  }

  /** What a field shows: the value of an input or text area, the chosen label of a select. */
  /** Whether the form shows the field (a hidden field is not rendered at all). */
  boolean shows(String key) {
    return !browser.driver().findElements(fieldLocator(key)).isEmpty();
  }

  String field(String key) {
    // a select that cannot be searched shows its label in a "-display" element instead of an input
    WebElement field = browser.driver().findElement(By.cssSelector(
        ".fjs-container [id$='-Field_" + key + "'], .fjs-container [id$='-Field_" + key + "-display']"));
    String tag = field.getTagName();
    String shown = tag.equals("input") || tag.equals("textarea") ? field.getDomProperty("value") : field.getText();
    return shown == null ? "" : shown.strip();
  }

  /** Scrolls the form so that the field is at the top of the window. */
  void showField(String key) {
    browser.showAtTop(browser.visible(By.xpath("//div[contains(@class,'fjs-form-field')][.//*[contains(@id,'-Field_" + key + "')]]")));
  }

  /** The n-th evidence photo the form shows, once the browser has loaded it. */
  WebElement evidencePhoto(int n) {
    By photo = By.cssSelector(".fjs-container img[alt='Ảnh " + n + "']");
    browser.visible(photo);
    return browser.await("photo " + n + " loaded", driver -> {
      WebElement image = driver.findElement(photo);
      Object loaded = browser.script("return arguments[0].complete && arguments[0].naturalWidth > 0", image);
      return Boolean.TRUE.equals(loaded) ? image : null;
    });
  }

  void choose(String key, String label) {
    browser.click(By.xpath("//label[contains(@for,'-Field_" + key + "-')][normalize-space(.)='" + label + "']"));
  }

  void write(String key, String text) {
    WebElement field = browser.visible(fieldLocator(key));
    field.clear();
    field.sendKeys(text);
  }

  void enterDate(String key, LocalDate date) {
    By field = By.cssSelector("input[id$='-Field_" + key + "-date']");
    browser.click(field);
    browser.driver().findElement(field).sendKeys(date.format(DATE_PICKER), Keys.ENTER);
  }

  /** Completes the open task and waits until it has left the list. */
  void complete(String taskId) {
    browser.click(By.cssSelector("button[ng-click='complete()']"));
    browser.gone(taskLink(taskId));
  }

  private static By fieldLocator(String key) {
    return By.cssSelector(".fjs-container [id$='-Field_" + key + "']");
  }

  private static By taskLink(String taskId) {
    return By.cssSelector("li.task h4.task a[href='#/?task=" + taskId + "']");
  }
}
