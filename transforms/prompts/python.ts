/** prompts in Python: instructions and system or developer messages written as literals beside a literal model. */
import type { Node as PyNode } from 'web-tree-sitter';
import { nameOf, plainContent, settingsOf } from '../../src/languages/python/nodes.js';
import type { PyParsed } from '../../src/languages/python.js';
import type { Handler, HandlerContext } from '../../src/transform.js';
import {
  applyScope,
  codeSites,
  directiveCheck,
  INSTRUCTION_KEYS,
  INSTRUCTION_ROLES,
  MESSAGE_KEYS,
  type Prose,
  reportSites,
  type Scope,
  slugUse,
  STRUCTURED_KEYS,
} from './scope.js';

/** A Python string's text between its quotes; raw strings have no escapes. Concatenated strings give each part. */
function textOf(node: PyNode | null | undefined): Prose[] {
  if (node?.type === 'concatenated_string' || node?.type === 'parenthesized_expression') return node.namedChildren.flatMap(textOf);
  const open = node?.type === 'string' ? node.firstChild : null;
  const close = node?.lastChild;
  if (open?.type !== 'string_start' || close?.type !== 'string_end') return [];
  return [{ start: open.endIndex, end: close.startIndex, escapes: !/r/i.test(open.text) }];
}

function messages(list: PyNode): Prose[] {
  if (list.type !== 'list') return [];
  return list.namedChildren.flatMap((element) => {
    if (element.type !== 'dictionary') return [];
    const settings = settingsOf(element);
    const role = plainContent(settings.find((s) => s.key === 'role')?.value)?.value ?? '';
    return INSTRUCTION_ROLES.has(role) ? textOf(settings.find((s) => s.key === 'content')?.value) : [];
  });
}

/** The literal a model value is: written in place, or a module-level assignment of this file that holds one. */
function modelLiteral(root: PyNode, value: PyNode): { value: string; start: number } | null {
  const literal = plainContent(value);
  if (literal || value.type !== 'identifier') return literal;
  const assignments = root.namedChildren
    .map((statement) => statement.firstNamedChild)
    .filter((node): node is PyNode => node?.type === 'assignment' && nameOf(node.childForFieldName('left')) === value.text);
  return assignments.length === 1 ? plainContent(assignments[0]!.childForFieldName('right')) : null;
}

export const python: Handler = (ctx: HandlerContext<PyParsed>) => {
  const root = ctx.parsed.tree.rootNode;
  const sites = codeSites(ctx);
  const ignored = directiveCheck(ctx.text);
  for (const request of root.descendantsOfType(['call', 'dictionary'])) {
    if (!request) continue;
    const settings = settingsOf(request);
    const modelValue = settings.find((s) => s.key === 'model')?.value;
    const model = modelValue ? modelLiteral(root, modelValue) : null;
    if (!model) continue;
    const prose = settings.flatMap(({ key, value }) =>
      INSTRUCTION_KEYS.has(key) ? textOf(value) : MESSAGE_KEYS.has(key) ? messages(value) : [],
    );
    if (prose.length === 0) continue;
    const structured = settings.some((s) => STRUCTURED_KEYS.has(s.key));
    const scope: Scope = { models: [slugUse(sites, model.value, model.start)], prose, schemaNotes: !structured };
    applyScope(ctx, scope, ignored);
  }
  reportSites(ctx, sites, (t) => t);
};
