// cucumber-js profiles. `default` runs on the built-in simulator; `kind` on a real kind cluster;
// `wire` runs against the simulator served on loopback sockets (kubelab serve).
const common = {
  // Unit tests (*.test.ts) live beside the step helpers; only node --test runs them.
  import: ['steps/support/tsx-register.mjs', 'steps/**/!(*.test).ts'],
  // No `paths`: cucumber's default (features/**/*.feature) applies, and `npx cucumber-js features/x.feature`
  // runs just that file (12.x merges configured and command-line paths instead of replacing them).
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
// kind: one real cluster per run, brought up and torn down by src/cli/kind-run.ts; scenarios
// tagged @simulator-only are reported as skipped with their reason (not filtered out silently).
export const kind = {
  ...common,
  import: [...common.import, 'src/cli/kind-run.ts'],
  worldParameters: { backend: 'kind' },
};
// wire: its own report files, so `npm test` (default run, then wire run) keeps both.
export const wire = {
  ...common,
  format: ['progress', 'html:reports/cucumber-wire.html', 'json:reports/cucumber-wire.json', 'junit:reports/junit-wire.xml'],
  worldParameters: { backend: 'wire' },
};
