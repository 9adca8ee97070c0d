import { expect, it } from 'vitest';
import { buildRequest, pickToolChoice } from '../src/request';

it('keeps the preview tool for the preview model', () => {
  const request = buildRequest({ usePreview: true });
  expect(request.tools).toEqual([{ type: 'computer_use_preview', environment: 'browser', display_width: 1024, display_height: 768 }]);
});

it('names the preview tool choice for the preview model', () => {
  expect(
    pickToolChoice('computer', {
      model: 'computer-use-preview',
    }),
  ).toEqual({ type: 'computer_use_preview' });
});
