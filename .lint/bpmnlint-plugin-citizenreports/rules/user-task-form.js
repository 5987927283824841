// Every user task shows a Camunda Form deployed with the process, to a candidate group.
const { is } = require('bpmnlint-utils');

module.exports = function() {
  function check(node, reporter) {
    if (!is(node, 'bpmn:UserTask')) {
      return;
    }
    if (!node.get('camunda:formRef')) {
      reporter.report(node.id, 'User task has no camunda:formRef');
    } else if (node.get('camunda:formRefBinding') !== 'deployment') {
      reporter.report(node.id, 'User task binds its form other than by deployment');
    }
    if (!node.get('camunda:candidateGroups') && !node.get('camunda:assignee')) {
      reporter.report(node.id, 'User task has no candidate group (nor assignee)');
    }
  }
  return { check };
};
