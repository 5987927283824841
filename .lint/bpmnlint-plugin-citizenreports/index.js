// The conventions of README "For process designers", usable from a .bpmnlintrc as
// "plugin:citizenreports/recommended" (and bundled into a Camunda Modeler plug-in the same way
// camunda-modeler-custom-linter-rules-plugin bundles its rules).
module.exports = {
  configs: {
    recommended: {
      rules: {
        'business-ids': 'error',
        'user-task-form': 'error',
        'gateway-conditions': 'error'
      }
    }
  },
  rules: {
    'business-ids': './rules/business-ids',
    'user-task-form': './rules/user-task-form',
    'gateway-conditions': './rules/gateway-conditions'
  }
};
