// An exclusive gateway that splits decides on every outgoing flow but its default one: a flow
// without a condition would be taken whatever the decision.
const { is } = require('bpmnlint-utils');

module.exports = function() {
  function check(node, reporter) {
    const outgoing = node.outgoing || [];
    if (!is(node, 'bpmn:ExclusiveGateway') || outgoing.length < 2) {
      return;
    }
    outgoing.filter(flow => flow !== node.default && !flow.conditionExpression)
      .forEach(flow => reporter.report(flow.id, 'Outgoing flow of ' + node.id + ' has no condition'));
  }
  return { check };
};
