/**
 * computer-use: moves preview computer-use integrations to the GA `computer` tool. The
 * model `computer-use-preview` becomes `gpt-5.5`, the preview tool becomes
 * `{type: "computer"}`, `truncation: "auto"` goes, `tool_choice` names the GA tool and a
 * single `action` consumed by one statement becomes a loop over `actions[]`. Each
 * language handler (./computer-use/) gathers a file's facts; src/policy/computer-use.ts
 * decides every site, and the file's flow changes as a whole or not at all.
 */
import { jscodeshiftTransform } from '../src/jscodeshift.js';
import type { Transform } from '../src/transform.js';
import { config } from './computer-use/config.js';
import { markdown } from './computer-use/document.js';
import { javascript } from './computer-use/javascript.js';
import { python } from './computer-use/python.js';

export const computerUse: Transform = {
  name: 'computer-use',
  description:
    'Move preview computer-use integrations (computer-use-preview, computer_use_preview tool, single action) to gpt-5.5 and the GA computer tool',
  prefilter: /computer[-_]?(use|preview|call|tool)/i,
  handlers: { js: javascript, python, json: config, yaml: config, markdown },
};

export default jscodeshiftTransform(computerUse);
