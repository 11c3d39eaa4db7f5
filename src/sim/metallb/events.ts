/** Events MetalLB's controller and speaker record on Services, as client-go's recorder names and fills them. */
// SRC: client-go tools/record/event.go makeEvent (name = <object>.<unix nanos in hex>) (v0.31); metallb internal/k8s/k8s.go Infof/Errorf
import type { KubeEvent, Service } from '../../model/core.ts';
import type { ReadonlyStore } from '../store.ts';

/** The component names MetalLB's recorders use. */
export type MetallbComponent = 'metallb-controller' | 'metallb-speaker';

/** A new Event on `svc`; `seq` keeps names unique for several events made at the same instant. */
export function serviceEvent(svc: Service, now: Date, seq: number, component: MetallbComponent, type: 'Normal' | 'Warning', reason: string, message: string): KubeEvent {
  const nanos = BigInt(now.getTime()) * 1_000_000n + BigInt(seq);
  const stamp = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return {
    apiVersion: 'v1', kind: 'Event',
    metadata: { name: `${svc.metadata.name}.${nanos.toString(16)}`, namespace: svc.metadata.namespace, creationTimestamp: stamp },
    involvedObject: { kind: 'Service', name: svc.metadata.name, namespace: svc.metadata.namespace, ...(svc.metadata.uid ? { uid: svc.metadata.uid } : {}), apiVersion: 'v1' } as KubeEvent['involvedObject'],
    type, reason, message, source: { component }, count: 1, firstTimestamp: stamp, lastTimestamp: stamp,
  };
}

/** The same event seen again: count + 1 and a new lastTimestamp (client-go EventCorrelator's aggregation). */
// SRC: client-go tools/record/events_cache.go eventObserve (v0.31)
export function repeated(event: KubeEvent, now: Date): KubeEvent {
  return { ...event, count: (event.count ?? 1) + 1, lastTimestamp: now.toISOString().replace(/\.\d{3}Z$/, 'Z') };
}

/** The newest event `component` recorded on the service (undefined when none). */
export function latestEvent(store: ReadonlyStore, svc: Service, component: MetallbComponent): KubeEvent | undefined {
  const mine = store.list<KubeEvent>('Event', svc.metadata.namespace)
    .filter((e) => e.involvedObject.kind === 'Service' && e.involvedObject.name === svc.metadata.name && e.source.component === component);
  return mine.sort((a, b) => eventNanos(a) - eventNanos(b)).at(-1);
}

function eventNanos(e: KubeEvent): number {
  const hex = e.metadata.name.split('.').at(-1) ?? '0';
  return Number.parseInt(hex, 16);
}
