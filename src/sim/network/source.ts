/** The machine a packet or command starts from. */

/** A resolved origin: the client host, a node, or a pod (with its node). */
export type Source =
  | { kind: 'host'; ip: string; hosts: Map<string, string> }
  | { kind: 'node'; node: string; ip: string }
  | { kind: 'pod'; pod: string; namespace: string; node: string; ip: string };
