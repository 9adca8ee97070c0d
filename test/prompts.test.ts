/**
 * The prompts transform beside model-slug (as `upgrade` runs them) and alone, the Prompty
 * shapes the YAML adapter reads, and the prompt-text policy rules one by one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { initLanguages } from '../src/languages/index.js';
import { yaml } from '../src/languages/yaml.js';
import type { Decision } from '../src/policy/classify.js';
import { dateInjections, parseDisplayName, promptTie, type PromptTie, proseSchema, selfReferences } from '../src/policy/prompts.js';
import { processText } from '../src/runner/engine.js';
import { modelSlug } from '../transforms/model-slug.js';
import { prompts } from '../transforms/prompts.js';
import { fixtureSettings, formatSiteLine } from './helpers.js';

const EXAMPLES = join(import.meta.dirname, '..', 'examples', 'prompts');

beforeAll(async () => {
  await initLanguages();
});

function upgrade(path: string, text: string, all = false) {
  return processText(path, text, fixtureSettings([modelSlug, prompts], all));
}

describe('prompts with model-slug', () => {
  test('a GitHub Models prompt file: the model, its self-reference and two review notes', () => {
    const text = readFileSync(join(EXAMPLES, 'triage-ticket.prompt.yml'), 'utf8');
    const outcome = upgrade('examples/prompts/triage-ticket.prompt.yml', text);
    expect(outcome.errors).toEqual([]);
    expect(outcome.newText).toBe(
      text.replace('model: openai/gpt-5.4', 'model: openai/gpt-5.5').replace('You are GPT-5.4,', 'You are GPT-5.5,'),
    );
    expect(outcome.sites.map(formatSiteLine)).toEqual([
      '3:8 model-slug upgraded openai/gpt-5.4 -> openai/gpt-5.5',
      '9:15 prompts upgraded GPT-5.4 -> GPT-5.5',
      "10:7 prompts confirmation-needed Today's date is {{today}}; tickets about renewals due within 7 days are urgent. -> -",
      '12:7 prompts confirmation-needed Respond with a JSON object with the keys "team", "priority" (low, normal, urgen… -> -',
    ]);
    expect(outcome.sites[1]).toMatchObject({
      upgradeClass: 'model string + light prompt rewrite',
      reason: 'the prompt names its own model, and its model `openai/gpt-5.4` becomes `openai/gpt-5.5`',
    });
  });

  test('a Copilot agent: the display name and the self-reference change; history and the URL stay', () => {
    const text = readFileSync(join(EXAMPLES, 'ticket-reviewer.agent.md'), 'utf8');
    const outcome = upgrade('examples/prompts/ticket-reviewer.agent.md', text);
    expect(outcome.newText).toBe(
      text.replace('model: GPT-5.4 (copilot)', 'model: GPT-5.5 (copilot)').replace('You are GPT-5.4 in', 'You are GPT-5.5 in'),
    );
    expect(outcome.sites.map(formatSiteLine)).toEqual([
      '5:8 prompts upgraded GPT-5.4 (copilot) -> GPT-5.5 (copilot)',
      '9:9 prompts upgraded GPT-5.4 -> GPT-5.5',
    ]);
    expect(outcome.sites[0]!.upgradeClass).toBe('model string + light prompt rewrite');
  });

  test('a promptfoo config is an eval definition: its provider waits for confirmation and its prompt stays', () => {
    const text = readFileSync(join(EXAMPLES, 'promptfooconfig.yaml'), 'utf8');
    const outcome = upgrade('examples/prompts/promptfooconfig.yaml', text);
    expect(outcome.newText).toBeNull();
    expect(outcome.sites.map(formatSiteLine)).toEqual([
      '12:9 model-slug confirmation-needed openai:responses:gpt-5.4 -> openai:responses:gpt-5.5',
    ]);
  });

  test('Prompty: parameters reach the gate, so a blocked model keeps its prompt text', () => {
    const text = [
      '---',
      'name: faq',
      'model:',
      '  api: chat',
      '  configuration:',
      '    type: openai',
      '    name: gpt-5.4',
      '  parameters:',
      '    temperature: 0.2',
      '---',
      'system:',
      'You are GPT-5.4. Answer from the FAQ only.',
      '',
    ].join('\n');
    const outcome = upgrade('prompts/faq.prompty', text);
    expect(outcome.newText).toBeNull();
    expect(outcome.sites.map((s) => `${formatSiteLine(s)} ${s.upgradeClass}`)).toEqual([
      '7:11 model-slug blocked gpt-5.4 -> gpt-5.5 blocked',
    ]);
  });

  test('Prompty: an Azure deployment is upgraded with --all, and then the prompt follows', () => {
    const text = readFileSync(
      join(import.meta.dirname, '..', '__testfixtures__', 'prompts', 'prompty-azure-deployment.input.prompty'),
      'utf8',
    );
    const outcome = upgrade('src/chat/contoso-chat.prompty', text, true);
    expect(outcome.newText).toBe(
      text.replace('azure_deployment: gpt-5.4', 'azure_deployment: gpt-5.5').replace('You are GPT-5.4,', 'You are GPT-5.5,'),
    );
  });

  test('the ignore directive above a line of prompt text keeps it', () => {
    const text = readFileSync(join(import.meta.dirname, '..', '__testfixtures__', 'prompts', 'prompt-md-urls-history.input.md'), 'utf8');
    const withoutDirective = text.replace(/<!-- gpt55-codemod-ignore[^\n]*\n/, '');
    const outcome = processText('prompts/incident-summary.prompt.md', withoutDirective, fixtureSettings([prompts]));
    expect(outcome.newText).toContain('Sign off as "Acme Status (GPT-5.5)".');
  });
});

describe('prompts without model-slug in the run', () => {
  const alone = (path: string, text: string) => processText(path, text, fixtureSettings([prompts]));
  const fixture = (name: string) => readFileSync(join(import.meta.dirname, '..', '__testfixtures__', 'prompts', name), 'utf8');

  test('a prompt in code keeps its text while its model stays on GPT-5.4', () => {
    expect(alone('src/support/answer.ts', fixture('js-instructions.input.ts'))).toMatchObject({ newText: null, sites: [], errors: [] });
    expect(alone('app/digest.py', fixture('py-instructions.input.py'))).toMatchObject({ newText: null, sites: [], errors: [] });
  });

  test('a prompt in code whose model is GPT-5.5 already still follows it', () => {
    const text =
      'const agent = new Agent({ name: "Support", model: "gpt-5.5", instructions: "You are GPT-5.4, Acme\'s support agent." });\n';
    expect(alone('src/agent.ts', text).newText).toBe(text.replace('GPT-5.4', 'GPT-5.5'));
  });

  test('a prompt file: prompts moves its model too, and the model site says the prompt was rewritten', () => {
    const text = readFileSync(join(EXAMPLES, 'triage-ticket.prompt.yml'), 'utf8');
    const outcome = alone('examples/prompts/triage-ticket.prompt.yml', text);
    expect(outcome.newText).toBe(upgrade('examples/prompts/triage-ticket.prompt.yml', text).newText);
    expect(formatSiteLine(outcome.sites[0]!)).toBe('3:8 prompts upgraded openai/gpt-5.4 -> openai/gpt-5.5');
    expect(outcome.sites[0]!.upgradeClass).toBe('model string + light prompt rewrite');
  });

  test('a prompt file whose model the gate blocks: the model and its prompt stay', () => {
    const text = fixture('github-models-sampling-gate.input.yml');
    const outcome = alone('.github/prompts/write-release-notes.prompt.yml', text);
    expect(outcome.newText).toBeNull();
    expect(outcome.sites.map((s) => `${formatSiteLine(s)} ${s.upgradeClass}`)).toEqual([
      '3:8 prompts blocked openai/gpt-5.4 -> openai/gpt-5.5 blocked',
    ]);
  });
});

describe('Prompty through the YAML adapter', () => {
  const stringsOf = (text: string) => yaml.strings!(yaml.parse(text, 'a.prompty.yaml'), text);

  test('v1 parameters and v2 options are the request of the model they sit beside', () => {
    const v1 = 'model:\n  configuration:\n    type: openai\n    name: gpt-5.4\n  parameters:\n    top_p: 0.9\n';
    expect(stringsOf(v1).map((s) => s.context.requests)).toEqual([[{ sampling: ['top_p'] }]]);
    const v2 = 'model:\n  id: gpt-5.4\n  provider: openai\n  options:\n    temperature: 0\n';
    expect(stringsOf(v2).map((s) => s.context.requests)).toEqual([[{ sampling: ['temperature'] }]]);
  });

  test('an Azure deployment name is no model slug', () => {
    expect(stringsOf('model:\n  configuration:\n    type: azure_openai\n    azure_deployment: gpt-5.4\n')).toEqual([]);
    expect(stringsOf('model:\n  id: gpt-5.4\n  provider: azure\n')).toEqual([]);
  });
});

describe('prompt-text policy', () => {
  const tie: PromptTie = { model: 'gpt-5.4', becomes: 'gpt-5.5', family: 'gpt-5.4', selfSlug: 'gpt-5.4' };
  const found = (text: string) => selfReferences(text, tie).map((m) => `${m.text}>${m.replacement}`);

  test("a self-reference is a whole word in the prompt's own voice", () => {
    expect(found("You are GPT-5.4. As gpt-5.4, answer briefly (GPT-5.4's style).")).toEqual([
      'GPT-5.4>GPT-5.5',
      'gpt-5.4>gpt-5.5',
      'GPT-5.4>GPT-5.5',
    ]);
  });

  test('never in URLs, identifiers, other models, tables, quotes or history', () => {
    expect(
      found(
        [
          'Docs: https://platform.openai.com/docs/models/gpt-5.4 and www.example.com/gpt-5.4.',
          'Set `gpt-5.4` or MODEL=gpt-5.4 or openai/gpt-5.4 or "gpt-5.4" or gpt-5.4-mini or GPT-5.4 mini or gpt-5.4.1.',
          '| v3 | GPT-5.4 | 2026 |',
          '> You are GPT-5.4.',
          'This prompt was tuned on GPT-5.4.',
          'Previously we ran GPT-5.4.',
        ].join('\n\n'),
      ),
    ).toEqual([]);
  });

  test("a pro model's self-reference keeps its pro", () => {
    const pro: PromptTie = { ...tie, becomes: 'gpt-5.5-pro', selfSlug: 'gpt-5.4-pro' };
    expect(selfReferences('You are GPT-5.4 Pro; not GPT-5.4.', pro).map((m) => m.replacement)).toEqual(['GPT-5.5 Pro']);
  });

  test('date placeholders in every template syntax, and not other dates', () => {
    const text = [
      "Today's date is {{today}}.",
      'Current date: {{ current_date }}.',
      'It is ${new Date().toISOString()}.',
      'Now: {datetime.now():%Y-%m-%d}.',
      'Date: ${input:date}.',
      'Due: {{due_date}}.',
      'Order placed {{order.date}}.',
    ].join('\n');
    expect(dateInjections(text).map((m) => m.text)).toEqual([
      "Today's date is {{today}}.",
      'Current date: {{ current_date }}.',
      'It is ${new Date().toISOString()}.',
      'Now: {datetime.now():%Y-%m-%d}.',
      'Date: ${input:date}.',
    ]);
  });

  test('an output schema in prose needs a JSON answer and a shape', () => {
    expect(proseSchema('Reply in JSON with the keys label and score.')?.text).toBe('Reply in JSON with the keys label and score.');
    expect(proseSchema('The user may paste JSON. Answer their question.')).toBeNull();
  });

  test('display names', () => {
    expect(parseDisplayName('GPT-5.4 (copilot)')?.displayOf('gpt-5.5')).toBe('GPT-5.5 (copilot)');
    expect(parseDisplayName('GPT-5 mini')?.slug).toBe('gpt-5-mini');
    expect(parseDisplayName('gpt-5.4')).toBeNull();
    expect(parseDisplayName('Claude Sonnet 4.5 (copilot)')).toBeNull();
  });

  test('a prompt shared by two models keeps its text', () => {
    const upgraded: Decision = {
      status: 'upgraded',
      from: 'gpt-5.4',
      to: 'gpt-5.5',
      family: 'gpt-5.4',
      upgradeClass: 'model string only',
      reason: '',
    };
    const use = { value: 'gpt-5.4', slug: 'gpt-5.4', decision: upgraded };
    expect(promptTie([use])).toMatchObject({ selfSlug: 'gpt-5.4', becomes: 'gpt-5.5' });
    expect(promptTie([use, use])).toBeNull();
    expect(promptTie([{ value: 'openai/gpt-5.5', slug: 'openai/gpt-5.5', decision: null }])).toMatchObject({ selfSlug: 'gpt-5.4' });
    expect(promptTie([{ value: 'claude-sonnet-4-5', slug: 'claude-sonnet-4-5', decision: null }])).toBeNull();
  });
});
