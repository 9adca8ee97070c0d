import type { RequestFacts, RequestKind } from '../types.js';

/** The request node a RequestFacts was read from, and its kind, for transforms that edit the request. */
export interface RequestOrigin<N> {
  node: N;
  kind: RequestKind | null;
}

/**
 * Kept beside the facts rather than in them: the policy compares facts as plain data,
 * while a transform that adds a setting needs the node they came from. One table per
 * adapter, since each has its own node type.
 */
export class RequestOrigins<N> {
  private readonly table = new WeakMap<RequestFacts, RequestOrigin<N>>();

  set(facts: RequestFacts, origin: RequestOrigin<N>): void {
    this.table.set(facts, origin);
  }

  get(facts: RequestFacts): RequestOrigin<N> | undefined {
    return this.table.get(facts);
  }
}
