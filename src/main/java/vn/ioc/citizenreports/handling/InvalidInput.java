package vn.ioc.citizenreports.handling;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A value a user submitted that the process cannot accept, naming the field. Camunda's REST API
 * answers 400 with the message for this exception when a task is completed or a process started
 * (Tasklist shows it); any other exception there would be a 500.
 */
public class InvalidInput extends FormFieldValidationException {

  private final String field;

  public InvalidInput(String field, String problem) {
    super(field, "'" + field + "': " + problem);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
