/**
 * The controllers of the simulated control plane, in the one order the simulation runs them
 * (like kind's ordered list of actions). Each is pure: store in, changes out.
 */
import type { Controller } from './controller.ts';
import { deploymentController } from './deployment.ts';
import { replicaSetController } from './replicaset.ts';
import { daemonSetController } from './daemonset.ts';
import { jobController } from './job.ts';
import { createKubeletController } from './kubelet.ts';
import { endpointsController } from './endpoints.ts';
import { endpointSliceController } from './endpointslice.ts';
import { ingressStatusController } from './ingress-status.ts';
import { metallbController } from './metallb.ts';
import { nodeHeartbeatController } from './node-heartbeat.ts';
import { nodeLeaseController } from './node-lease.ts';
import { createRootCaPublisher, serviceAccountController } from './namespace-defaults.ts';
import { CLUSTER_CA_PEM } from '../apps/kube-apiserver-certificate.ts';
import { imageCatalogue } from '../apps/catalogue.ts';

/** Run in this order until nothing changes. */
export const CONTROLLERS: readonly Controller[] = [
  // Namespace standard objects first, so the pods created below find their `default` account.
  serviceAccountController,
  createRootCaPublisher(CLUSTER_CA_PEM),
  // deployment → replicaset → daemonset → job → scheduler/kubelet → endpoints/endpointslices → metallb → ingress status
  deploymentController,
  replicaSetController,
  daemonSetController,
  jobController,
  // The lab registry holds exactly the images the catalogue can run; others fail with ErrImagePull.
  createKubeletController((image) => imageCatalogue().some((entry) => entry.matches(image))),
  endpointsController,
  endpointSliceController,
  metallbController,
  ingressStatusController,
  nodeHeartbeatController,
  nodeLeaseController,
];
