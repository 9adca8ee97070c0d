import { expect, it, vi } from 'vitest';
import { buildRequest } from '../src/request';

it('keeps the preview tool for the preview model', () => {
  const request = buildRequest({ usePreview: true });
  expect(request.tools).toEqual([{ type: 'computer_use_preview', environment: 'browser', display_width: 1024, display_height: 768 }]);
});
