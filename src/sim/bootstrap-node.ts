/**
 * A lab Node as the kubelet (v1.31) registers and reports it on a kubeadm host: 2 vCPU / 4 GiB RHEL 9 VMs
 * running containerd, with flannel's annotations. Heartbeats then move with the lab clock (controllers/node-heartbeat.ts).
 */
import { createHash } from 'node:crypto';
import type { Node, NodeCondition, NodeSystemInfo } from '../model/core.ts';
import type { LabNode } from './topology.ts';

/** Kubernetes release the lab runs (the tutorial's September 2024 cluster). */
export const KUBERNETES_VERSION = 'v1.31.0';
/** CoreDNS image kubeadm v1.31 deploys. */
export const COREDNS_IMAGE = 'registry.k8s.io/coredns/coredns:v1.11.3';

/** The VM's MemTotal (4 GiB less what firmware, kernel and RHEL 9's default crashkernel take) and its root filesystem size. */
const MEMORY_KI = 3736952;
const ROOT_FS_KI = 17811456;

/** A Node object for `node`, registered at `now`. SRC: kubernetes pkg/kubelet/kubelet_node_status.go initialNode, nodestatus/setters.go (v1.31). */
export function nodeObject(node: LabNode, now: Date): Node {
  const controlPlane = node.role === 'control-plane';
  const at = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: node.name,
      labels: {
        'beta.kubernetes.io/arch': 'amd64', 'beta.kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64', 'kubernetes.io/hostname': node.name, 'kubernetes.io/os': 'linux',
        // SRC: cmd/kubeadm/app/phases/markcontrolplane — role label, LB exclusion label and NoSchedule taint.
        ...(controlPlane ? { 'node-role.kubernetes.io/control-plane': '', 'node.kubernetes.io/exclude-from-external-load-balancers': '' } : {}),
      },
      annotations: {
        'flannel.alpha.coreos.com/backend-type': 'vxlan',
        'flannel.alpha.coreos.com/kube-subnet-manager': 'true',
        'flannel.alpha.coreos.com/public-ip': node.ip,
        // SRC: cmd/kubeadm/app/util/patchnode.go AnnotateCRISocket (kubeadm init/join).
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///var/run/containerd/containerd.sock',
        // SRC: pkg/controller/ttl/ttl_controller.go (0 s for clusters up to 100 nodes); kubelet_node_status.go initialNode.
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: { podCIDR: node.podCIDR, podCIDRs: [node.podCIDR], ...(controlPlane ? { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] } : {}) },
    status: {
      addresses: [{ type: 'InternalIP', address: node.ip }, { type: 'Hostname', address: node.name }],
      capacity: nodeCapacity(),
      allocatable: nodeAllocatable(),
      conditions: nodeConditions(at),
      // SRC: pkg/kubelet/nodestatus/setters.go DaemonEndpoints: the kubelet's --port (10250); the JSON key is "Port".
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      images: nodeImages(controlPlane),
      nodeInfo: nodeInfo(node),
    },
  };
}

/** cAdvisor's machine info as the kubelet reports it: CPUs, memory, the root filesystem, both x86 hugepage sizes, --max-pods. */
export function nodeCapacity(): Record<string, string> {
  // SRC: pkg/kubelet/nodestatus/setters.go MachineInfo; pkg/kubelet/cadvisor/util.go CapacityFromMachineInfo (v1.31).
  return { cpu: '2', 'ephemeral-storage': `${ROOT_FS_KI}Ki`, 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: `${MEMORY_KI}Ki`, pods: '110' };
}

/**
 * Capacity less the hard eviction thresholds (no kube/system reserved under kubeadm): memory.available<100Mi and
 * nodefs.available<10%. The 10% is a float32 in the kubelet, and the difference is not a whole Ki, so it prints as bytes.
 * SRC: pkg/kubelet/cm/node_container_manager_linux.go hardEvictionReservation; pkg/kubelet/eviction/defaults_linux.go;
 * pkg/kubelet/eviction/api GetThresholdQuantity (v1.31).
 */
export function nodeAllocatable(): Record<string, string> {
  const rootBytes = ROOT_FS_KI * 1024;
  const nodefsReserve = Math.trunc(rootBytes * Math.fround(0.1));
  return { ...nodeCapacity(), 'ephemeral-storage': String(rootBytes - nodefsReserve), memory: `${MEMORY_KI - 100 * 1024}Ki` };
}

/** The four conditions a healthy kubelet posts, all since registration. */
function nodeConditions(at: string): NodeCondition[] {
  // SRC: pkg/kubelet/nodestatus/setters.go MemoryPressureCondition, DiskPressureCondition, PIDPressureCondition, ReadyCondition.
  // Not modelled: Ready is first False (NetworkPluginNotReady) until flannel writes its CNI config; here it is True from registration.
  const times = { lastHeartbeatTime: at, lastTransitionTime: at };
  return [
    { type: 'MemoryPressure', status: 'False', ...times, reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available' },
    { type: 'DiskPressure', status: 'False', ...times, reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure' },
    { type: 'PIDPressure', status: 'False', ...times, reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available' },
    { type: 'Ready', status: 'True', ...times, reason: 'KubeletReady', message: 'kubelet is posting ready status' },
  ];
}

/**
 * NodeSystemInfo. The ids come from the host (/etc/machine-id, DMI product_uuid, the kernel's boot_id): kubelab derives
 * them from the node name, so they are stable per node and differ between nodes. kubeProxyVersion stays empty: v1.31.0's
 * kubelet has DisableNodeKubeProxyVersion on (beta, default true). SRC: pkg/kubelet/nodestatus/setters.go VersionInfo.
 */
function nodeInfo(node: LabNode): NodeSystemInfo {
  return {
    machineID: hostHex(`machine-id ${node.name}`).slice(0, 32),
    systemUUID: uuidOf(hostHex(`product_uuid ${node.name}`)),
    bootID: uuidOf(hostHex(`boot_id ${node.name}`)),
    kernelVersion: '5.14.0-162.6.1.el9_1.x86_64',
    osImage: 'Red Hat Enterprise Linux 9.1 (Plow)',
    containerRuntimeVersion: 'containerd://1.7.20',
    kubeletVersion: KUBERNETES_VERSION,
    kubeProxyVersion: '',
    operatingSystem: 'linux',
    architecture: 'amd64',
  };
}

// The images kubeadm pulled (`kubeadm config images pull` on the control plane) and the ones its pods run.
// Sizes are containerd's compressed sizes as `crictl images` rounds them (kubelab does not know the exact bytes);
// the repo digests containerd also lists are left out. Sorted largest first (SRC: kubelet_node_status.go ByImageSize).
const CONTROL_PLANE_IMAGES: [string, number][] = [
  ['registry.k8s.io/etcd:3.5.15-0', 56_900_000],
  ['registry.k8s.io/kube-apiserver:v1.31.0', 28_100_000],
  ['registry.k8s.io/kube-controller-manager:v1.31.0', 26_200_000],
  ['registry.k8s.io/kube-scheduler:v1.31.0', 20_200_000],
  [COREDNS_IMAGE, 18_600_000],
];
const EVERY_NODE_IMAGES: [string, number][] = [[`registry.k8s.io/kube-proxy:${KUBERNETES_VERSION}`, 30_200_000], ['registry.k8s.io/pause:3.10', 320_000]];

/** status.images of a freshly installed node. */
export function nodeImages(controlPlane: boolean): { names: string[]; sizeBytes: number }[] {
  const images = [...(controlPlane ? CONTROL_PLANE_IMAGES : []), ...EVERY_NODE_IMAGES];
  return images.sort((a, b) => b[1] - a[1]).map(([name, sizeBytes]) => ({ names: [name], sizeBytes }));
}

function hostHex(seed: string): string {
  return createHash('sha256').update(seed).digest('hex');
}

// 8-4-4-4-12 lowercase, version 4 and RFC 4122 variant, as the kernel's boot_id and a VM's product_uuid read.
function uuidOf(hex: string): string {
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
