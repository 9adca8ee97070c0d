/**
 * The fences of one Markdown document are one program for computer use: a request in one
 * fence and the loop that runs its actions in another move together or not at all. The
 * engine hands each fence to the handlers on its own, after the document itself, so the
 * document's handler notes what every fence holds and the fence handlers read that note.
 */
import { LineIndex } from '../../src/languages/layout.js';
import type { Handler, HandlerContext } from '../../src/transform.js';
import { COMPUTER_CALL, firstLine } from './flow.js';

/** What one fence shows of the flow, read from its text (a fence may not parse at all). */
interface Fence {
  /** Where the fence reads a computer call's single `action`, if it does: the line in the document and its code. */
  read: { line: number; use: string } | null;
  receives: boolean;
}

/** The document being run: set by its own handler, which the engine runs before its fences. */
let current: { path: string; fences: Fence[] } | null = null;

/** `x.action`, `x["action"]`, `x.get("action")`: how a single action is read, in any of the fences' languages. */
const SINGLE_READ = /\.action\b(?!s)|\[\s*['"]action['"]\s*\]|\.get\(\s*['"]action['"]/;
/** `x.actions`, `x["actions"]`, `getattr(x, "actions", None)`: code that already reads the batch (prose saying "actions" is not). */
const ACTIONS_READ = /\.actions\b|['"]actions['"]/;

const RESPONSES_CALL = /\bresponses\.(?:create|stream|parse)\s*\(|\baresponses\s*\(|\/v1\/responses\b/;
const OPENAI_IMPORT =
  /^\s*(?:import\s+openai\b|from\s+openai(?:\s+import|\.(?!types\b))|from\s+agents(?:\.\w+)*\s+import\b|import\b[^;'"]*\bfrom\s+['"](?:openai|@openai\/agents[\w-]*)(?:\/[^'"]*)?['"]|.*\brequire\(\s*['"](?:openai|@openai\/agents[\w-]*)['"]\s*\))/m;

/**
 * Whether code receives OpenAI Responses output: it calls the Responses API or imports
 * the OpenAI SDK or the Agents SDK (types of request parameters alone do not count). Items
 * shaped like computer calls elsewhere (a framework's own protocol, converters for other
 * providers, UI code) never carry GA `actions[]`, so their single `action` needs nothing.
 */
export function receivesResponses(text: string): boolean {
  return RESPONSES_CALL.test(text) || OPENAI_IMPORT.test(text);
}

/** The line in `text` that reads a single action of a computer call, with its offset; null where the text reads none. */
function singleRead(text: string): { use: string; offset: number } | null {
  if (!text.includes(COMPUTER_CALL) || ACTIONS_READ.test(text)) return null;
  const match = new RegExp(`^.*(?:${SINGLE_READ.source}).*$`, 'm').exec(text);
  return match ? { use: firstLine(match[0]), offset: match.index + (match[0].length - match[0].trimStart().length) } : null;
}

/** The Markdown document's handler: notes its fences for the fence handlers that follow. */
export const markdown: Handler = (ctx: HandlerContext) => {
  const lines = new LineIndex(ctx.text);
  const fences = (ctx.adapter.regions?.(ctx.parsed, ctx.text) ?? []).map((region) => {
    const read = singleRead(region.text);
    return {
      read: read && { use: read.use, line: lines.position(region.toOuter(read.offset)).line },
      receives: receivesResponses(region.text),
    };
  });
  current = { path: ctx.path, fences };
};

function fencesOf(ctx: HandlerContext): Fence[] | null {
  return current && current.path === ctx.path && ctx.language !== 'markdown' ? current.fences : null;
}

/**
 * A fence of the document that reads a single action: what the flow waits for. Read from
 * the text, so a read this run rewrites still holds the document back (the whole document
 * then moves in one later run, never half of it in this one).
 */
export function fenceRead(ctx: HandlerContext): { line: number; use: string } | null {
  return fencesOf(ctx)?.find((f) => f.read !== null)?.read ?? null;
}

/** Whether the code, or for a fence any fence of its document, receives OpenAI Responses output. */
export function codeReceivesResponses(ctx: HandlerContext): boolean {
  return receivesResponses(ctx.text) || (fencesOf(ctx)?.some((f) => f.receives) ?? false);
}
