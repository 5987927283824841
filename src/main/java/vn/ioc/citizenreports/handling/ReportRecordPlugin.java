package vn.ioc.citizenreports.handling;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.listener.DelegateExpressionExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Puts {@link ReportRecordListener} (bean {@code reportRecordListener}) at the end of every task
 * of the report process (service, user and receive tasks: every step that can change a report's
 * standing ends in one) and at the start of its waits, whatever version is deployed: the designers' models need no
 * listener of their own, and no step that changes a report's standing is missed.
 */
public class ReportRecordPlugin extends AbstractProcessEnginePlugin {

  static final String LISTENER = "${reportRecordListener}";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseServiceTask(Element serviceTask, ScopeImpl scope, ActivityImpl activity) {
        recordAfter(activity);
      }

      @Override
      public void parseUserTask(Element userTask, ScopeImpl scope, ActivityImpl activity) {
        recordAfter(activity);
        recordWhenWaiting(activity);
      }

      @Override
      public void parseReceiveTask(Element receiveTask, ScopeImpl scope, ActivityImpl activity) {
        recordAfter(activity);
        recordWhenWaiting(activity);
      }
    });
  }

  private static void recordAfter(ActivityImpl activity) {
    record(activity, ExecutionListener.EVENTNAME_END);
  }

  /** A wait starts after the flow into it was taken, whose listeners may have set what it waits on. */
  private static void recordWhenWaiting(ActivityImpl activity) {
    record(activity, ExecutionListener.EVENTNAME_START);
  }

  private static void record(ActivityImpl activity, String event) {
    if (ReportProcess.KEY.equals(((ProcessDefinitionEntity) activity.getProcessDefinition()).getKey())) {
      activity.addListener(event, new DelegateExpressionExecutionListener(
          Context.getProcessEngineConfiguration().getExpressionManager().createExpression(LISTENER), List.of()));
    }
  }
}
