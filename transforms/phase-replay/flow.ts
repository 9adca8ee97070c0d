/**
 * What the phase-replay handlers share: the message a handler found, where its content
 * comes from, which API the file talks to, and the decision the phase policy
 * (src/policy/phase-replay.ts) makes for it.
 */
import { lazy } from '../../src/lazy.js';
import { decidePhase, type ReplayApi, type ReplayFlow } from '../../src/policy/phase-replay.js';
import type { HandlerContext } from '../../src/transform.js';
import type { Edit } from '../../src/types.js';

/** A message found in the code, with the edits that would make it keep phase. */
export interface Found {
  offset: number;
  flow: ReplayFlow;
  edits: Edit[];
}

/** Where the content of a message comes from, and the item that carries its phase. */
export type Source<Ref> = { kind: 'output item'; ref: Ref } | { kind: 'output_text' | 'literal' | 'untraced' };

const RESPONSES_SIGNAL =
  /\bresponses\s*\.\s*(create|stream|parse)\b|\/v1\/responses\b|\bprevious_response_id\b|\boutput_text\b|\bResponseInputItem\b|\bEasyInputMessage/;
const CHAT_SIGNAL = /\bchat\s*\.\s*completions\b|\/chat\/completions\b|\bChatCompletion/;
/** A Realtime client event: its conversation items have no `phase`. */
const REALTIME_SIGNAL = /\bconversation\.item\.create\b/;

/** A message that must fit one of these types goes into a Responses request. */
export const RESPONSES_INPUT_TYPES = /\b(ResponseInputItem|ResponseInput|EasyInputMessage)\b/;

/** Methods that add messages to a history (JS and Python). */
export const ADD_METHODS = new Set(['push', 'unshift', 'concat', 'splice', 'append', 'extend', 'insert']);
/** A parameter annotated with one of these receives an output item. */
export const ITEM_TYPES = /\b(ResponseOutputMessage|ResponseOutputItem)\b/;

/** When nothing in the flow names the API, the file's own calls decide. */
function fileApi(text: string): ReplayApi {
  if (REALTIME_SIGNAL.test(text)) return 'realtime';
  const responses = RESPONSES_SIGNAL.test(text);
  return responses === CHAT_SIGNAL.test(text) ? 'unclear' : responses ? 'responses' : 'chat';
}

/** A file's API by its own calls, scanned once however many messages ask (a scan per message made a file of many messages quadratic). */
export function fileApiOf(text: string): () => ReplayApi {
  return lazy(() => fileApi(text));
}

/** The flow's API, and whether the history is visibly sent as a Responses `input` (not only guessed from the file). */
export function flowApi(key: string | null, uses: ReplayApi[] | undefined, api: () => ReplayApi): { api: ReplayApi; sent: boolean } {
  const seen = apiOfKey(key) ?? apiOfUses(uses);
  return { api: seen ?? api(), sent: seen === 'responses' };
}

/** A history passed as `messages` goes to Chat Completions; as `input`, to Responses. */
export function apiOfKey(key: string | null): ReplayApi | null {
  return key === 'messages' ? 'chat' : key === 'input' ? 'responses' : null;
}

/** The API a named history is passed to, from how the file passes it; null when it never does. */
export function apiOfUses(uses: ReplayApi[] | undefined): ReplayApi | null {
  if (uses?.includes('responses')) return 'responses';
  return uses?.includes('chat') ? 'chat' : null;
}

export function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** A trace cached per binding: computed once; while it runs, a repeated request (a cycle) gets `none`. */
export function traced<K, V>(cache: Map<K, V>, key: K, none: V, compute: () => V): V {
  if (cache.has(key)) return cache.get(key)!;
  cache.set(key, none);
  const value = compute();
  cache.set(key, value);
  return value;
}

export function record(ctx: HandlerContext, found: Found): void {
  const decision = decidePhase(found.flow);
  if (!decision?.site) return;
  if (decision.verdict === 'fixed') for (const edit of found.edits) ctx.edit(edit);
  ctx.site({ offset: found.offset, ...decision.site });
}
