/**
 * phase-replay beyond the fixture loop: the typed fixture's output must still pass the
 * TypeScript compiler against the SDK's message types, and the message left blocked must
 * really fail to type-check with `phase` added; layout cases (CRLF, tabs, quotes); the
 * Markdown report's Phase assessment.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { initLanguages } from '../src/languages/index.js';
import { renderMarkdown } from '../src/report/markdown.js';
import { buildReport } from '../src/report/model.js';
import { processText } from '../src/runner/engine.js';
import { phaseReplay } from '../transforms/phase-replay.js';
import { fixtureSettings, formatSiteLine } from './helpers.js';

const FIXTURES = join(import.meta.dirname, '..', '__testfixtures__', 'phase-replay');

/**
 * The part of openai-node's declarations the typed fixture uses, shaped as the SDK ships
 * them (openai/resources/responses/responses): `phase` on EasyInputMessage and
 * ResponseOutputMessage only, and ResponseInputItem as a union that includes both.
 */
const SDK_RESPONSES = `
export interface ResponseOutputText { type: 'output_text'; text: string; annotations: unknown[] }
export interface ResponseOutputRefusal { type: 'refusal'; refusal: string }
export interface ResponseInputText { type: 'input_text'; text: string }
export type ResponseInputMessageContentList = Array<ResponseInputText>;
export interface ResponseOutputMessage {
  id: string;
  content: Array<ResponseOutputText | ResponseOutputRefusal>;
  role: 'assistant';
  status: 'in_progress' | 'completed' | 'incomplete';
  type: 'message';
  phase?: 'commentary' | 'final_answer' | null;
}
export interface ResponseFunctionToolCall { type: 'function_call'; call_id: string; name: string; arguments: string; id?: string }
export interface ResponseReasoningItem { id: string; type: 'reasoning'; summary: Array<{ type: 'summary_text'; text: string }> }
export type ResponseOutputItem = ResponseOutputMessage | ResponseFunctionToolCall | ResponseReasoningItem;
export interface EasyInputMessage {
  content: string | ResponseInputMessageContentList;
  role: 'user' | 'assistant' | 'system' | 'developer';
  phase?: 'commentary' | 'final_answer' | null;
  type?: 'message';
}
export namespace ResponseInputItem {
  interface Message { content: ResponseInputMessageContentList; role: 'user' | 'system' | 'developer'; status?: string; type?: 'message' }
  interface FunctionCallOutput { call_id: string; output: string; type: 'function_call_output'; id?: string | null }
}
export type ResponseInputItem =
  | EasyInputMessage
  | ResponseInputItem.Message
  | ResponseOutputMessage
  | ResponseFunctionToolCall
  | ResponseInputItem.FunctionCallOutput
  | ResponseReasoningItem;
export type ResponseInput = Array<ResponseInputItem>;
export interface Response { id: string; output: Array<ResponseOutputItem>; output_text: string }
export interface ResponseCreateParams { model: string; input?: string | ResponseInput; instructions?: string | null }
`;

const SDK_INDEX = `
import type { Response, ResponseCreateParams } from './resources/responses/responses';
export default class OpenAI {
  constructor(options?: { apiKey?: string });
  responses: { create(body: ResponseCreateParams): Promise<Response> };
}
`;

let project: string;

beforeAll(async () => {
  await initLanguages();
  project = mkdtempSync(join(tmpdir(), 'phase-replay-'));
  const sdk = join(project, 'node_modules', 'openai');
  mkdirSync(join(sdk, 'resources', 'responses'), { recursive: true });
  writeFileSync(join(sdk, 'package.json'), JSON.stringify({ name: 'openai', version: '6.7.0', types: 'index.d.ts' }));
  writeFileSync(join(sdk, 'index.d.ts'), SDK_INDEX);
  writeFileSync(join(sdk, 'resources', 'responses', 'responses.d.ts'), SDK_RESPONSES);
});

afterAll(() => {
  rmSync(project, { recursive: true, force: true });
});

/** Compiler diagnostics for one source file placed in the temporary project, as `TSnnnn message`. */
function typeErrors(name: string, source: string): string[] {
  const file = join(project, 'src', name);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, source);
  const program = ts.createProgram([file], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts'],
    types: [],
  });
  return ts.getPreEmitDiagnostics(program).map((d) => `TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
}

function run(path: string, text: string) {
  return processText(path, text, fixtureSettings([phaseReplay]));
}

describe('typed TypeScript', () => {
  const input = readFileSync(join(FIXTURES, 'ts-typed-history.input.ts'), 'utf8');
  const output = readFileSync(join(FIXTURES, 'ts-typed-history.output.ts'), 'utf8');

  test('the fixture type-checks before the transform (the declarations match the code)', () => {
    expect(typeErrors('before.ts', input)).toEqual([]);
  });

  test('the inserted phase type-checks against EasyInputMessage / ResponseInputItem', () => {
    expect(run('src/thread.ts', input).newText).toBe(output);
    expect(typeErrors('after.ts', output)).toEqual([]);
  });

  test('the message left blocked would not type-check with phase added', () => {
    const blocked = '      this.turns.push({ role: "assistant", content: textOf(item) });';
    expect(output).toContain(blocked);
    const forced = output.replace(blocked, blocked.replace('textOf(item) }', 'textOf(item), phase: item.phase }'));
    expect(typeErrors('forced.ts', forced)).toEqual([expect.stringMatching(/^TS2353 .*'phase' does not exist in type 'ChatTurn'/)]);
  });

  test('an array literal that fixes the element type blocks; an empty one does not', () => {
    const source = [
      'import OpenAI from "openai";',
      'const client = new OpenAI();',
      'export async function run(q: string) {',
      '  const seeded = [{ role: "user", content: q }];',
      '  const grown = [];',
      '  const response = await client.responses.create({ model: "gpt-5.4", input: q });',
      '  for (const item of response.output) {',
      '    if (item.type !== "message") continue;',
      '    seeded.push({ role: "assistant", content: item.content[0]?.type ?? "" });',
      '    grown.push({ role: "assistant", content: item.content[0]?.type ?? "" });',
      '  }',
      '  return [seeded, grown];',
      '}',
      '',
    ].join('\n');
    const outcome = run('src/run.ts', source);
    expect(outcome.sites.map(formatSiteLine)).toEqual([
      '9:17 phase-replay blocked assistant message without phase -> phase: item.phase',
      '10:16 phase-replay upgraded assistant message without phase -> phase: item.phase',
    ]);
    expect(typeErrors('inferred.ts', outcome.newText!)).toEqual([]);
  });
});

describe('layout of the inserted property', () => {
  test('CRLF line endings and tab indentation are kept', () => {
    const source =
      'for (const item of response.output) {\r\n\tif (item.type === "message") {\r\n\t\tinput.push({\r\n\t\t\trole: "assistant",\r\n\t\t\tcontent: item.content\r\n\t\t});\r\n\t}\r\n}\r\n';
    const expected = source.replace('content: item.content\r\n', 'content: item.content,\r\n\t\t\tphase: item.phase\r\n');
    expect(run('src/loop.js', source).newText).toBe(expected);
  });

  test('quoted keys and a trailing comment: the new key is quoted alike and lands after the comment', () => {
    const source = [
      'for item in resp.output:',
      '    if item.type == "message":',
      "        history.append({'role': 'assistant', 'content': item.content})",
      '        log.append({',
      "            'role': 'assistant',",
      "            'content': item.content  # kept for the audit trail",
      '        })',
      '',
    ].join('\n');
    const expected = source
      .replace("'content': item.content})", "'content': item.content, 'phase': item.phase})")
      .replace('# kept for the audit trail\n', "# kept for the audit trail\n            'phase': item.phase\n")
      .replace("'content': item.content  #", "'content': item.content,  #");
    expect(run('src/loop.py', source).newText).toBe(expected);
  });
});

test('the Markdown report lists every flow under Phase assessment', () => {
  const input = readFileSync(join(FIXTURES, 'ts-typed-history.input.ts'), 'utf8');
  const outcome = run('src/thread.ts', input);
  const markdown = renderMarkdown(
    buildReport({
      filesScanned: 1,
      filesChanged: 1,
      filesErrored: 0,
      sites: outcome.sites,
      errors: [],
      changes: [],
    }),
  );
  const section = markdown.split('## Phase assessment')[1]!.split('\n## ')[0]!;
  expect(section).toContain('| src/thread.ts:26:23 | phase-replay | upgraded |');
  expect(section).toContain('| src/thread.ts:27:23 | phase-replay | blocked |');
  expect(section).toContain('| src/thread.ts:35:31 | phase-replay | unknown |');
});
