/** CREATE_GENERATORS: the `kubectl create <what>` sub-commands. The ingress area adds `ingress` and `secret`. */
import type { KubectlCommand } from './command-tree.ts';
import { createDeploymentCommand } from './create-deployment.ts';
import { createNamespaceCommand } from './create-namespace.ts';
import { createServiceCommand } from './create-service.ts';
import { createIngressCommand } from './ingress-create.ts';
import { createSecretCommand } from './secret-create.ts';

/** Generators by name (each may itself have sub-commands, like `service clusterip`). */
export const CREATE_GENERATORS: Record<string, KubectlCommand> = {
  deployment: createDeploymentCommand,
  namespace: createNamespaceCommand,
  service: createServiceCommand,
  ingress: createIngressCommand,
  secret: createSecretCommand,
};
