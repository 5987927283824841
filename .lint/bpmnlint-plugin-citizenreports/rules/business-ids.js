// Ids are a type prefix plus a business name (Task_VerifyReport), never Modeler's Activity_0xrmvgg.
// Keep in step with ModelLint.BUSINESS_ID in the Java build.
const { is, isAny } = require('bpmnlint-utils');

const BUSINESS_ID = /^(StartEvent|EndEvent|Task|Gateway|BoundaryEvent|Event|SubProcess|Flow|Message|Signal|Error)_[A-Z][A-Za-z0-9_]*$/;
const MODELER_GENERATED = /_[0-9][a-z0-9]{6}$/;

module.exports = function() {
  function check(node, reporter) {
    if (!isAny(node, [ 'bpmn:FlowElement', 'bpmn:Message', 'bpmn:Signal', 'bpmn:Error' ]) || !node.id) {
      return;
    }
    if (is(node, 'bpmn:Process') || !BUSINESS_ID.test(node.id) || MODELER_GENERATED.test(node.id)) {
      reporter.report(node.id, 'Id is not a type prefix plus a business name (e.g. Task_VerifyReport)');
    }
  }
  return { check };
};
