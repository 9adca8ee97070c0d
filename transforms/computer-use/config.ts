/** computer-use in JSON and YAML configs: the preview model, held back where the file also spells out the preview tool. */
import { CONFIG_TOOL_BLOCKER } from '../../src/policy/computer-use.js';
import type { HandlerContext } from '../../src/transform.js';
import { emptyFacts, type Facts, flowHandler, previewModels } from './flow.js';

/**
 * Configs reach this transform as string values only (the adapters expose no ranges for
 * whole entries), so a preview tool spelled out in a config cannot move with its model;
 * its type name anywhere in the file is enough to hold the model back.
 */
const PREVIEW_TOOL_NAME = /\bcomputer(_use_preview|-preview)\b/;

function fileFacts(ctx: HandlerContext): Facts {
  const facts = emptyFacts('config', previewModels(ctx));
  facts.blocker = PREVIEW_TOOL_NAME.test(ctx.text) ? CONFIG_TOOL_BLOCKER : null;
  return facts;
}

export const config = flowHandler(fileFacts);
