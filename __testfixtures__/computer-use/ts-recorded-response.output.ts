import { AIMessage, HumanMessage } from '@langchain/core/messages';

export const SAVED_TURN = [
  new HumanMessage('open the docs'),
  new AIMessage({
    content: [],
    additional_kwargs: {
      tool_outputs: [{ type: 'computer_call', id: 'cu_1', call_id: 'call_1', action: { type: 'screenshot' }, status: 'completed' }],
    },
    response_metadata: {
      id: 'resp_1',
      object: 'response',
      model: 'computer-use-preview-2025-03-11',
      tools: [{ type: 'computer_use_preview', display_width: 1024, display_height: 768, environment: 'browser' }],
      truncation: 'auto',
    },
  }),
];
