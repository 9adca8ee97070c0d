import type OpenAI from 'openai';

type Tool = OpenAI.Responses.Tool;

export function serializeComputerTool(tool: { environment: string; dimensions: [number, number] }, options: { usePreviewComputerTool?: boolean }): Tool {
  if (options.usePreviewComputerTool) {
    return {
      type: 'computer_use_preview',
      environment: tool.environment,
      display_width: tool.dimensions[0],
      display_height: tool.dimensions[1],
    } as Tool;
  }
  return { type: 'computer' } as Tool;
}

export function toolChoiceFor(choice: string): OpenAI.Responses.ToolChoiceOptions | { type: string } {
  if (choice === 'computer_use_preview') {
    return { type: 'computer_use_preview' };
  }
  return { type: 'computer' };
}
