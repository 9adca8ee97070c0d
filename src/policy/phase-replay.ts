/**
 * The phase policy: what a hand-written replay flow means for the assistant `phase`
 * field (UPGRADE-FACTS.md, "The assistant `phase` field"). The transform gathers facts
 * about each flow and edits; this module alone decides its verdict and the report text.
 */
import type { SiteDraft } from '../types.js';

export type PhaseVerdict = 'preserved' | 'fixed' | 'blocked' | 'unknown';

/** Which API the replayed history is sent to, as far as the code shows. */
export type ReplayApi = 'responses' | 'chat' | 'realtime' | 'unclear';

/** Facts about one message a replay flow builds (an object literal or a dict). */
export interface ReplayFlow {
  /** `role: "assistant"` written out, or a re-map that copies `role` from the item. */
  shape: 'assistant message' | 're-map';
  /**
   * Where the content comes from: a Responses output item, `output_text`, code written
   * out in the file (a few-shot example), or something the transform cannot trace.
   */
  source: 'output item' | 'output_text' | 'literal' | 'untraced';
  /** The message already carries phase: a `phase` key, or a spread that may bring it. */
  carriesPhase: boolean;
  api: ReplayApi;
  /** The history is visibly sent as a Responses `input`; `api` alone may be a guess from the file's other calls. */
  sent: boolean;
  /**
   * The property the fix adds, as code: `phase: item.phase`, `"phase": item.get("phase")`,
   * or `phase` for a re-map that destructures it; the generic form when nothing is traced.
   */
  insertion: string;
  /**
   * TypeScript: the type the message must fit, as the report names it (`` `ChatTurn` ``),
   * when adding `phase` would not type-check (`seen`: the type is in view and lacks it)
   * or cannot be checked (`seen` false: declared in another module or returned by a call).
   * `library`: the type is another library's (`@ai-sdk/provider`), whose own code builds the request.
   */
  typeConflict: { type: string; seen: boolean; library?: string } | null;
}

export interface PhaseDecision {
  verdict: PhaseVerdict;
  /** What the report lists; null for preserved flows, which need neither edit nor site. */
  site: Omit<SiteDraft, 'offset' | 'transform'> | null;
}

const FROM: Record<ReplayFlow['shape'], string> = {
  'assistant message': 'assistant message without phase',
  're-map': 're-map that drops phase',
};

const WHY_PHASE =
  'GPT-5.5 uses phase to tell a commentary preamble from the final answer; replayed without it, ' +
  'a preamble can be taken for the answer and long tool-using runs stop early';

function site(status: 'upgraded' | 'blocked' | 'unknown', from: string, to: string | null, reason: string): PhaseDecision['site'] {
  // Once phase is kept, what is left of the upgrade at this flow is the model string.
  const upgradeClass = status === 'upgraded' ? 'model string only' : status;
  return { status, from, to, family: null, upgradeClass, reason };
}

function typeReason(flow: ReplayFlow, conflict: { type: string; seen: boolean }): string {
  const why = conflict.seen
    ? 'which has no `phase` property, so adding it would not type-check'
    : 'which is declared out of view, so the tool cannot check that it allows `phase`';
  return (
    `the message must fit ${conflict.type}, ${why}. Allow \`phase?: "commentary" | "final_answer" | null\` there ` +
    `(or type the history with the SDK's \`ResponseInputItem\`), then add \`${flow.insertion}\``
  );
}

/** The verdict for one flow; null when the message is no replay of Responses output at all. */
export function decidePhase(flow: ReplayFlow): PhaseDecision | null {
  // Chat Completions and Realtime items have no phase; a written-out message is an example, not model output;
  // a message typed for another library (an AI SDK prompt) is that library's to send.
  if (flow.api === 'chat' || flow.api === 'realtime' || flow.source === 'literal' || flow.typeConflict?.library) return null;
  if (flow.carriesPhase) return { verdict: 'preserved', site: null };
  const from = FROM[flow.shape];
  switch (flow.source) {
    case 'output_text':
      // A converter that serves Chat Completions too turns output into the app's own messages, not a replay.
      if (flow.api !== 'responses') return null;
      return {
        verdict: 'blocked',
        site: site(
          'blocked',
          'assistant message from output_text',
          null,
          '`output_text` joins the commentary and the final answer into one message, so no single phase fits. ' +
            'Replay the output items instead (`history.push(...response.output)`; in Python `history += response.output`) ' +
            'or chain with `previous_response_id`',
        ),
      };
    case 'untraced':
      // Without a traced item, only a history seen going to Responses says the message is replayed there.
      if (!flow.sent) return null;
      return {
        verdict: 'unknown',
        site: site(
          'unknown',
          flow.shape === 're-map' ? 're-map of untraced items' : 'assistant message from an untraced source',
          null,
          `the content does not come visibly from a Responses output item, so the tool cannot tell which phase it had. ` +
            `If it replays model output, keep the item's phase (\`phase: item.phase\`) or replay the item whole. ${WHY_PHASE}`,
        ),
      };
    case 'output item':
      if (flow.typeConflict)
        return { verdict: 'blocked', site: site('blocked', from, flow.insertion, typeReason(flow, flow.typeConflict)) };
      return {
        verdict: 'fixed',
        site: site('upgraded', from, flow.insertion, `the rebuilt message now keeps the output item's phase. ${WHY_PHASE}`),
      };
  }
}
