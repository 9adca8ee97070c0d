/** prompts in JS/TS: instructions and system or developer messages written as literals beside a literal model. */
import { endOf, isObjectProperty, isType, type JsNode, literalString, nameOf, parentNode, startOf } from '../../src/languages/js/nodes.js';
import { type JsParsed, pathsOfType } from '../../src/languages/js/tree.js';
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

/** A JS string or template literal's text between the delimiters (expressions included: they are scanned, never edited). */
function textOf(node: JsNode | null | undefined): Prose[] {
  if (isType(node, 'StringLiteral', 'TemplateLiteral')) return [{ start: startOf(node) + 1, end: endOf(node) - 1, escapes: true }];
  return isType(node, 'BinaryExpression') && node.operator === '+' ? [...textOf(node.left), ...textOf(node.right)] : [];
}

function entriesOf(object: JsNode): Map<string, JsNode> {
  const out = new Map<string, JsNode>();
  if (!isType(object, 'ObjectExpression')) return out;
  for (const property of object.properties) {
    const key = isObjectProperty(property) ? nameOf(property.key) : null;
    if (key && isObjectProperty(property)) out.set(key, property.value);
  }
  return out;
}

function messages(list: JsNode | undefined): Prose[] {
  if (!isType(list, 'ArrayExpression')) return [];
  return list.elements.flatMap((element) => {
    const entries = isType(element, 'ObjectExpression') ? entriesOf(element) : null;
    const role = literalString(entries?.get('role'))?.value ?? '';
    return entries && INSTRUCTION_ROLES.has(role) ? textOf(entries.get('content')) : [];
  });
}

/** The literal a model value is: written in place, or a `const` of this file that holds one. */
function modelLiteral(parsed: JsParsed, value: JsNode): { value: string; start: number } | null {
  const literal = literalString(value);
  if (literal) return literal;
  if (!isType(value, 'Identifier')) return null;
  const declarations = pathsOfType(parsed, 'VariableDeclarator').filter(
    (p) => isType(p.node.id, 'Identifier') && p.node.id.name === value.name,
  );
  const only = declarations.length === 1 ? parentNode(declarations[0]!) : undefined;
  return isType(only, 'VariableDeclaration') && only.kind === 'const' ? literalString(declarations[0]!.node.init) : null;
}

function structured(entries: Map<string, JsNode>): boolean {
  const text = entries.get('text');
  return [...entries.keys()].some((key) => STRUCTURED_KEYS.has(key)) || (isType(text, 'ObjectExpression') && entriesOf(text).has('format'));
}

export const javascript: Handler = (ctx: HandlerContext<JsParsed>) => {
  const sites = codeSites(ctx);
  const ignored = directiveCheck(ctx.text);
  for (const path of pathsOfType(ctx.parsed, 'ObjectExpression')) {
    const entries = entriesOf(path.node);
    const modelValue = entries.get('model');
    const model = modelValue ? modelLiteral(ctx.parsed, modelValue) : null;
    if (!model) continue;
    const prose = [...entries].flatMap(([key, value]) =>
      INSTRUCTION_KEYS.has(key) ? textOf(value) : MESSAGE_KEYS.has(key) ? messages(value) : [],
    );
    if (prose.length === 0) continue;
    const scope: Scope = { models: [slugUse(sites, model.value, model.start)], prose, schemaNotes: !structured(entries) };
    applyScope(ctx, scope, ignored);
  }
  reportSites(ctx, sites, (t) => t);
};
