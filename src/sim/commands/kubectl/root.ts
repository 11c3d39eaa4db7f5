/** The kubectl command tree: every modelled sub-command, in `kubectl --help` order. */
import type { KubectlCommand } from './command-tree.ts';
import { createCommand } from './create.ts';
import { exposeCommand } from './expose.ts';
import { runCommand } from './run.ts';
import { getCommand } from './get.ts';
import { editCommand } from './edit.ts';
import { deleteCommand } from './delete.ts';
import { rolloutCommand } from './rollout.ts';
import { scaleCommand } from './scale.ts';
import { describeCommand } from './describe.ts';
import { logsCommand, versionCommand, clusterInfoCommand, apiResourcesCommand, configCommand } from './info.ts';
import { execCommand } from './exec.ts';
import { applyCommand } from './apply.ts';
import { patchCommand } from './patch.ts';
import { labelCommand, annotateCommand } from './label.ts';

/** The root `kubectl` command. Built on first use so CREATE_GENERATORS entries added by other areas are included. */
export const ROOT_COMMAND: KubectlCommand = {
  name: 'kubectl',
  summary: 'kubectl controls the Kubernetes cluster manager.',
  get subcommands(): KubectlCommand[] {
    return [
      createCommand(), exposeCommand, runCommand, getCommand, editCommand, deleteCommand,
      rolloutCommand, scaleCommand, clusterInfoCommand, describeCommand, logsCommand, execCommand,
      applyCommand, patchCommand, labelCommand, annotateCommand, apiResourcesCommand, configCommand, versionCommand,
    ];
  },
};
