import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Agent } from '../src/agent';
import { OpenAIResponsesModel } from '../src/openaiResponsesModel';

vi.mock('../src/config', () => ({ loadEnv: vi.fn(() => ({})) }));

function fakeClient(response: unknown) {
  return { responses: { create: vi.fn().mockResolvedValue(response) } };
}

describe('OpenAIResponsesModel', () => {
  let client: ReturnType<typeof fakeClient>;
  beforeEach(() => {
    client = fakeClient({ id: 'resp_1', output: [] });
  });

  it('sends the agent model settings', async () => {
    const agent = new Agent({ name: 'Tester', model: 'gpt-5.2' });
    const model = new OpenAIResponsesModel(client as any, 'gpt-5.2');
    await model.getResponse({ input: 'hi', modelSettings: agent.modelSettings } as any);
    expect(client.responses.create).toHaveBeenCalledTimes(1);
  });
});
