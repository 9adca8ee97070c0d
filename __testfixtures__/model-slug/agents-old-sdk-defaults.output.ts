import { Agent, Runner, run, withTrace } from '@openai/agents';
import { z } from 'zod';

const summary = z.object({
  title: z.string(),
  points: z.array(z.string()),
});

// No model settings: the SDK fills in its defaults for gpt-5.x models.
export const researcher = new Agent({
  name: 'Researcher',
  model: 'gpt-5.5',
  instructions: 'Collect the facts the user asks for, with sources.',
  outputType: summary,
});

// Model settings of its own: the SDK adds none of its defaults here.
export const writer = new Agent({
  name: 'Writer',
  model: 'gpt-5.4',
  instructions: 'Write a short report from the researcher notes.',
  modelSettings: { temperature: 0.7 },
});

// The runner's settings are merged over the SDK defaults of the model it resolves.
const runner = new Runner({
  model: 'gpt-5.4',
  modelSettings: { temperature: 0.2, toolChoice: 'auto' },
  workflowName: 'research',
});

export async function main(topic: string) {
  await withTrace('Research', async () => {
    const notes = await runner.run(researcher, topic);
    const report = await run(writer, JSON.stringify(notes.finalOutput));
    console.log(report.finalOutput);
  });
}
