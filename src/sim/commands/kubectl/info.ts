/** Read-only cluster information: version, cluster-info, api-resources, config view/current-context. */
import type { Service } from '../../../model/core.ts';
import type { KubectlCommand } from './command-tree.ts';
import { OUTPUT } from './common-flags.ts';
import { KubectlOutput, kubectlError } from './output-text.ts';
import { renderTable } from '../../render/table.ts';
import { toKubectlYaml } from '../../render/yaml.ts';

// SRC: kubectl v1.31.0 embeds kustomize v5.4.2 (staging/src/k8s.io/kubectl/go.mod, sigs.k8s.io/kustomize/kustomize/v5).
const CLIENT_VERSION = 'v1.31.0';
const KUSTOMIZE_VERSION = 'v5.4.2';
const SERVER_VERSION = 'v1.31.0';

/** `kubectl version [--client]`. */
export const versionCommand: KubectlCommand = {
  name: 'version',
  summary: 'Print the client and server version information',
  flags: [{ name: 'client', kind: 'bool' }, OUTPUT],
  run: (inv) => {
    if (inv.flags.has('output')) return kubectlError('-o is not modelled for kubectl version; use plain kubectl version');
    const out = new KubectlOutput().out(`Client Version: ${CLIENT_VERSION}`).out(`Kustomize Version: ${KUSTOMIZE_VERSION}`);
    if (!inv.flags.bool('client')) out.out(`Server Version: ${SERVER_VERSION}`);
    return out.done();
  },
};

/** `kubectl cluster-info`: the control plane URL and kube-system services labelled kubernetes.io/cluster-service=true. */
export const clusterInfoCommand: KubectlCommand = {
  name: 'cluster-info',
  summary: 'Display cluster information',
  run: (inv) => {
    // SRC: kubernetes staging/src/k8s.io/kubectl/pkg/cmd/clusterinfo/clusterinfo.go (v1.31); go-colortext writes
    // the ANSI colour codes even when stdout is not a terminal.
    const master = inv.sim.topology.nodes.find((n) => n.role === 'control-plane');
    const url = `https://${master?.ip ?? '127.0.0.1'}:${inv.sim.topology.apiServerPort}`;
    const line = (name: string, link: string) => `\x1b[0;32m${name}\x1b[0m is running at \x1b[0;33m${link}\x1b[0m`;
    const out = new KubectlOutput().out(line('Kubernetes control plane', url));
    for (const svc of inv.sim.store.list<Service>('Service', 'kube-system')) {
      if (svc.metadata.labels?.['kubernetes.io/cluster-service'] !== 'true') continue;
      const name = svc.metadata.labels['kubernetes.io/name'] ?? svc.metadata.name;
      const port = svc.spec.ports?.[0];
      const portPart = port?.name ? `:${port.name}` : '';
      out.out(line(name, `${url}/api/v1/namespaces/kube-system/services/${svc.metadata.name}${portPart}/proxy`));
    }
    return out.out('').out("To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.").done();
  },
};

/** `kubectl api-resources [-o name] [--namespaced=bool]`. */
export const apiResourcesCommand: KubectlCommand = {
  name: 'api-resources',
  summary: 'Print the supported API resources on the server',
  flags: [OUTPUT, { name: 'namespaced', kind: 'bool' }, { name: 'no-headers', kind: 'bool' }],
  run: (inv) => {
    // SRC: kubernetes staging/src/k8s.io/kubectl/pkg/cmd/apiresources/apiresources.go (v1.31): sorted by group, then name.
    let types = [...inv.sim.resources.all()].sort((a, b) => a.group.localeCompare(b.group) || a.plural.localeCompare(b.plural));
    if (inv.flags.has('namespaced')) types = types.filter((t) => t.namespaced === inv.flags.bool('namespaced'));
    const output = inv.flags.string('output');
    if (output === 'name') return new KubectlOutput().out(types.map((t) => (t.group ? `${t.plural}.${t.group}` : t.plural)).join('\n')).done();
    if (output !== undefined && output !== 'wide') return kubectlError(`error: --output ${output} is not available`);
    const rows = types.map((t) => [t.plural, t.shortNames.join(','), t.apiVersion, String(t.namespaced), t.kind]);
    return new KubectlOutput().out(renderTable(inv.flags.bool('no-headers') ? [] : ['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND'], rows)).done();
  },
};

// The kubeadm admin.conf of the lab, as `kubectl config view` redacts it.
function kubeconfig(server: string): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    clusters: [{ cluster: { 'certificate-authority-data': 'DATA+OMITTED', server }, name: 'kubernetes' }],
    contexts: [{ context: { cluster: 'kubernetes', user: 'kubernetes-admin' }, name: 'kubernetes-admin@kubernetes' }],
    'current-context': 'kubernetes-admin@kubernetes',
    kind: 'Config',
    preferences: {},
    users: [{ name: 'kubernetes-admin', user: { 'client-certificate-data': 'DATA+OMITTED', 'client-key-data': 'DATA+OMITTED' } }],
  };
}

/** `kubectl config view|current-context` (read-only: the lab has one context). */
export const configCommand: KubectlCommand = {
  name: 'config',
  summary: 'Modify kubeconfig files',
  subcommands: [
    {
      name: 'view',
      summary: 'Display merged kubeconfig settings',
      flags: [{ name: 'minify', kind: 'bool' }, { name: 'raw', kind: 'bool' }, OUTPUT],
      run: (inv) => {
        if (inv.flags.bool('raw')) return kubectlError('--raw would print credentials; the simulated lab has none to show');
        const master = inv.sim.topology.nodes.find((n) => n.role === 'control-plane');
        return new KubectlOutput().out(toKubectlYaml(kubeconfig(`https://${master?.ip ?? '127.0.0.1'}:${inv.sim.topology.apiServerPort}`))).done();
      },
    },
    { name: 'current-context', summary: 'Display the current-context', run: () => new KubectlOutput().out('kubernetes-admin@kubernetes').done() },
    ...['set-context', 'use-context', 'set-cluster', 'set-credentials', 'set', 'unset', 'delete-context'].map((name) => ({
      name,
      summary: 'Not modelled: the lab kubeconfig is read-only',
      flags: [{ name: 'current', kind: 'bool' as const }],
      run: () => kubectlError(`kubectl config ${name} is not modelled: the lab has one read-only context; pass -n NAMESPACE to each command instead`),
    })),
  ],
};

/** `kubectl logs POD`: the simulated containers keep no logs, so it prints nothing (and reports what is missing). */
export const logsCommand: KubectlCommand = {
  name: 'logs',
  summary: 'Print the logs for a container in a pod',
  flags: [{ name: 'container', short: 'c', kind: 'string' }, { name: 'follow', short: 'f', kind: 'bool' }, { name: 'tail', kind: 'int' }, { name: 'previous', short: 'p', kind: 'bool' }, { name: 'all-containers', kind: 'bool' }, { name: 'timestamps', kind: 'bool' }],
  run: (inv) => {
    if (inv.flags.bool('follow')) return kubectlError('--follow streams forever, which a scenario cannot do; run kubectl logs without -f');
    const target = inv.args[0];
    if (!target) return kubectlError("error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples");
    const [kindPart, namePart] = target.includes('/') ? target.split('/') : ['pod', target];
    const type = inv.sim.resources.byName(kindPart!);
    if (!type) return kubectlError(`error: the server doesn't have a resource type "${kindPart}"`);
    const obj = inv.sim.store.get(type.kind, namePart!, inv.namespace);
    if (!obj) return kubectlError(`Error from server (NotFound): ${type.group ? `${type.plural}.${type.group}` : type.plural} "${namePart}" not found`);
    // Application output is not modelled: an empty log is what a quiet container shows.
    return new KubectlOutput().done();
  },
};
