/**
 * phase-replay: keep the assistant `phase` when code replays conversation history by
 * hand (UPGRADE-FACTS.md, "The assistant `phase` field"). Every object literal or dict
 * that builds a message with a `role` and a `content` is a candidate; the handlers
 * (./phase-replay/) trace where its content comes from, where the message goes and how it
 * is typed, and the phase policy (src/policy/phase-replay.ts) decides. Fixes insert one
 * property, written the way the object around it is written.
 *
 * Tracing follows variables, loop targets, callbacks and helper calls within one file.
 * Each binding is traced once per file (a binding met again while it is being traced, a
 * cycle, counts as not traced), so big files stay linear. A source the trace cannot
 * follow is reported as unknown rather than guessed.
 */
import { jscodeshiftTransform } from '../src/jscodeshift.js';
import type { Transform } from '../src/transform.js';
import { javascript } from './phase-replay/javascript.js';
import { python } from './phase-replay/python.js';

/**
 * Code that uses OpenAI's API: the SDK imported (JS, Python) or its client made, the API's
 * URL, a Responses call, field or type (`response.output` is its idiom), or the Agents
 * SDK. The word "OpenAI" alone or a GPT model string is not enough: an AI SDK monorepo
 * names both in nearly every provider test, none of which sends OpenAI a history by hand.
 */
const OPENAI_API = [
  String.raw`\bfrom\s+["']openai|\brequire\(\s*["']openai|["']@openai\/agents|\bfrom\s+openai\b|\bimport\s+openai\b|\bfrom\s+agents\b`,
  String.raw`\bnew\s+(?:Azure)?OpenAI\b|\b(?:Async)?(?:Azure)?OpenAI\s*\(|\bapi\.openai\.com\b|\/responses\b`,
  String.raw`\bresponses\s*\.\s*(?:create|stream|parse)\b|\boutput_text\b|\bprevious_response_id\b|\bResponse(?:Input|Output)\w*`,
  String.raw`\bEasyInputMessage\b|\bresp(?:onse)?(?:\.output\b|\[\s*["']output["'])`,
].join('|');

export const phaseReplay: Transform = {
  name: 'phase-replay',
  description: 'Keep the assistant `phase` when code rebuilds Responses history by hand; flag output_text replays',
  // A message to replay has a `role` and a `content` key, and an assistant role or output read back: `.output` alone is no replay.
  // phase is a field of OpenAI's Responses items, so the file must also use OpenAI's API:
  // the same shapes built for other providers' APIs are not this transform's concern.
  prefilter: new RegExp(
    String.raw`^(?=[\s\S]*?\brole\b)(?=[\s\S]*?\bcontent\b)(?=[\s\S]*?(?:${OPENAI_API}))` +
      String.raw`[\s\S]*?(?:role\s*[:=]\s*["'\x60]assistant|["']role["']\s*:\s*["']assistant|output_text|\.output\b|\[\s*["']output["']\s*\])`,
  ),
  handlers: { js: javascript, python },
};

export default jscodeshiftTransform(phaseReplay);
