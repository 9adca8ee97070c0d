import { ChatOpenAI } from '@langchain/openai';

const browserAgent = new ChatOpenAI({ model: 'computer-use-preview', useResponsesApi: true }).bindTools([
  {
    type: 'computer_use_preview',
    display_width: 1280,
    display_height: 720,
    environment: 'browser',
  },
]);

export async function nextStep(history: unknown[]) {
  return browserAgent.invoke(history as never, { truncation: 'auto' });
}
