// cucumber-js profiles. `default` runs on the built-in simulator; `kind` on a real kind cluster;
// `wire` runs against the simulator served on loopback sockets (kubelab serve).
const common = {
  import: ['steps/support/tsx-register.mjs', 'steps/**/*.ts'],
  paths: ['features/**/*.feature'],
  format: [
    'progress',
    'html:reports/cucumber.html',
    'json:reports/cucumber.json',
    'junit:reports/junit.xml',
  ],
  formatOptions: { snippetInterface: 'async-await' },
  strict: true,
};

export default { ...common, worldParameters: { backend: 'simulator' } };
export const kind = { ...common, worldParameters: { backend: 'kind' }, tags: 'not @simulator-only' };
export const wire = { ...common, worldParameters: { backend: 'wire' } };
