import { beforeAll, describe, expect, test } from 'vitest';
import { python } from '../src/languages/python.js';
import { SourceError, type StringValue } from '../src/types.js';

beforeAll(async () => {
  await python.init!();
});

function sites(text: string): StringValue[] {
  return python.strings!(python.parse(text, 'src/app.py'), text);
}

function only(text: string): StringValue {
  const found = sites(text);
  expect(found).toHaveLength(1);
  return found[0]!;
}

describe('python adapter', () => {
  test('init is idempotent', async () => {
    const again = python.init!();
    expect(again).toBe(python.init!());
    await again;
  });

  test('a syntax error is a SourceError with the line of the first bad node', () => {
    const error = (() => {
      try {
        python.parse('import os\n\ndef ask(question:\n    return question\n', 'src/app.py');
      } catch (err) {
        return err;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(SourceError);
    expect((error as SourceError).line).toBe(3);
  });

  test('offsets are string indices after non-ASCII text (UTF-16, not UTF-8 bytes)', () => {
    const text = '"""Résumé — 🌍 screening."""\nGREETING = "👋"; MODEL = "gpt-5.4"\n';
    const site = only(text);
    expect(text.slice(site.start, site.end)).toBe('gpt-5.4');
  });

  test('raw range sits inside the quotes after any prefix', () => {
    const text = 'A = rb"gpt-5.4"\nB = Rf"""gpt-5.4"""\nC = u\'gpt-5.4\'\nD = f"{x}-gpt-5.4"\nE = "gpt-" "5.4"\nF = "gpt\\x2d5.4"\n';
    const found = sites(text);
    const inside = (line: string): number => text.indexOf('gpt-5.4', text.indexOf(line));
    expect(found.map((s) => [s.start, s.end])).toEqual([
      [inside('B ='), inside('B =') + 7],
      [inside('C ='), inside('C =') + 7],
    ]);
  });

  test('docstrings and dict keys are not values', () => {
    const text = 'def f():\n    """gpt-5.4"""\n\nPRICES = {"gpt-5.4": 2.5}\n';
    expect(sites(text)).toEqual([]);
  });

  test('os.getenv default: env name, then the constant, and the requests using it', () => {
    const text = [
      'import os',
      'MODEL = os.getenv("OPENAI_MODEL", "gpt-5.4")',
      'def ask(q):',
      '    return client.responses.create(model=MODEL, input=q, temperature=0.2)',
      'def chat(q):',
      '    return client.chat.completions.create(model=MODEL, messages=[], reasoning_effort="none", top_p=0.5)',
      '',
    ].join('\n');
    expect(only(text).context).toMatchObject({
      names: ['OPENAI_MODEL', 'MODEL'],
      requests: [{ sampling: ['temperature'] }, { sampling: ['top_p'], effort: 'none' }],
    });
  });

  test('Agents SDK settings and raw bodies are read for sampling and effort', () => {
    const agent = only(
      'a = Agent(name="x", model="gpt-5.4", model_settings=ModelSettings(temperature=0.1, reasoning=Reasoning(effort=EFFORT)))\n',
    );
    expect(agent.context.requests).toEqual([{ sampling: ['temperature'], effort: 'EFFORT', live: true }]);
    expect(agent.context.names).toEqual(['model', 'a']);
    const body = only('body = {"model": "gpt-5.4", "reasoning": {"effort": "low"}, "extra_body": {"logprobs": True}}\n');
    expect(body.context.requests).toEqual([{ sampling: ['logprobs'], effort: 'low' }]);
  });

  test('a request is live where a known client sends it, not where a call merely takes a model keyword', () => {
    const live = (line: string): boolean | undefined => only(line).context.requests[0]?.live;
    expect(live('llm = ChatOpenAI(model="gpt-4o", temperature=0)\n')).toBe(true);
    expect(live('r = litellm.completion(model="gpt-4o", messages=m)\n')).toBe(true);
    expect(live('error = OutputCapError(message="cut", model="gpt-4o")\n')).toBeUndefined();
    expect(live('analytics.event.assert_called_once_with("picked", model="gpt-4o")\n')).toBeUndefined();
  });

  test('an API call result does not lend its name to the model', () => {
    const site = only('previous_response = client.responses.create(model="gpt-5.4", input="hi")\n');
    expect(site.context.names).toEqual(['model']);
  });

  test('comparisons, types and collections', () => {
    const text = [
      'if m in ["gpt-5.4"]: pass',
      'if m.startswith(("gpt-5.4", "o3")): pass',
      'ok = m != "gpt-5.4"',
      'cost = PRICES["gpt-5.4"]',
      'def f(m: Literal["gpt-5.4"] = "gpt-5.4"): pass',
      'x = m < "gpt-5.4"',
      '',
    ].join('\n');
    expect(sites(text).map((s) => [s.context.compared, s.context.inType, s.context.collectionModels])).toEqual([
      [true, false, 1],
      [true, false, 2],
      [true, false, 2],
      [true, false, 0],
      [true, false, 0],
      [false, true, 0],
      [false, true, 0],
      [false, false, 0],
    ]);
  });
});
