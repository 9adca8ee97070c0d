import { Agent, run, setDefaultOpenAIKey } from '@openai/agents';
import { aisdk } from '@openai/agents-extensions/ai-sdk';
import { openai } from '@ai-sdk/openai';

setDefaultOpenAIKey(process.env.OPENAI_API_KEY!);

const agent = new Agent({
  name: 'Test Agent',
  instructions: 'You will always only respond with "Hello there!". Not more not less.',
  model: aisdk(openai('gpt-5.5')),
});

const result = await run(agent, 'Hey there!');
console.log(`[AISDK_RESPONSE]${result.finalOutput}[/AISDK_RESPONSE]`);
