import { describe, expect, it } from 'vitest';
import { getDefaultModelSettings } from '../src/defaultModel';
import { memory } from '../src/sandbox/capabilities';
import { CompactionModelInfo } from '../src/sandbox/capabilities/compaction';

describe('per-model defaults', () => {
  it('gives gpt-5.4 effort none', () => {
    expect(getDefaultModelSettings('gpt-5.4')).toEqual({
      reasoning: { effort: 'none' },
      text: { verbosity: 'low' },
    });
  });

  it('knows the context window of older reasoning models', () => {
    expect(CompactionModelInfo.forModel('o3-pro')?.contextWindow).toBe(200000);
  });

  it('generates memories with the default models', () => {
    const capability = memory({ generate: {} });
    expect(capability.generate).toMatchObject({
      enabled: true,
      phaseTwoModel: 'gpt-5.4',
    });
    expect(capability.generate?.phaseTwoModel).not.toBe('gpt-4.1');
  });
});
