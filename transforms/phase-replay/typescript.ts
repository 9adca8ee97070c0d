/**
 * phase-replay's TypeScript check: whether a message may gain `phase` where it goes, from
 * the annotations on the way and the declared or inferred type of the history it joins.
 */
import {
  isType,
  type JsNode,
  type JsPath,
  memberKey,
  nameOf,
  nodeText,
  type NodeOf,
  parentOf,
  propertyOf,
  typeAnnotationOf,
} from '../../src/languages/js/nodes.js';
import { bindingOf } from '../../src/languages/js/scope.js';
import type { ReplayFlow } from '../../src/policy/phase-replay.js';
import type { Sink } from './javascript.js';
import { bindingKind, isCollection, type JsFile, unwrap } from './trace.js';

/** SDK types that accept `phase` (openai-node); a message typed with any of them may carry it. */
const PHASE_TYPES = new Set([
  'EasyInputMessage',
  'ResponseInputItem',
  'ResponseInput',
  'ResponseOutputMessage',
  'ResponseOutputItem',
  'ResponseItem',
]);
/** SDK message types without `phase`. */
const NO_PHASE_TYPES = new Set([
  'ChatCompletionMessageParam',
  'ChatCompletionAssistantMessageParam',
  'ChatCompletionMessage',
  'ResponseInputMessageItem',
  'ResponseInputItem.Message',
]);
/** How deep a declared type is followed through aliases and `extends` (types may be recursive). */
const MAX_TYPE_DEPTH = 8;

type Conflict = NonNullable<ReplayFlow['typeConflict']>;
type TypeCheck = 'ok' | Conflict;

/**
 * TypeScript only: whether the message may gain `phase` where it goes. Every annotation
 * on the way must allow it, and so must the history it is added to, whose type is its
 * annotation or, without one, what TypeScript infers from its initial value.
 */
export function typeConflict(file: JsFile, sink: Sink): Conflict | null {
  const checks = sink.types.map((t) => typeCheck(file, t));
  if (sink.adds && sink.target && !sink.asserted) checks.push(historyCheck(file, sink.target));
  return checks.find((c): c is Conflict => c !== 'ok') ?? null;
}

/** The type of a history a message is added to: `history`, or a class field `this.history`. */
function historyCheck(file: JsFile, target: JsPath): TypeCheck {
  const node = target.node;
  const written = `\`${nodeText(node, file.text)}\``;
  if (isType(node, 'Identifier')) {
    const found = bindingOf(target, node.name);
    if (!found) return { type: `the type of ${written}`, seen: false };
    const annotation = typeAnnotationOf(found.node);
    if (annotation) return typeCheck(file, annotation);
    const binding = bindingKind(found);
    if (binding?.kind === 'var') return inferredCheck(file, binding.init, written);
    // An unannotated parameter is `any` to TypeScript; a loop target has its list's element type.
    if (binding?.kind === 'param') return 'ok';
  }
  if (isType(node, 'MemberExpression', 'OptionalMemberExpression') && isType(node.object, 'ThisExpression')) {
    const field = classField(target, memberKey(node));
    const annotation = typeAnnotationOf(field?.node);
    if (annotation) return typeCheck(file, annotation);
    if (field && (field.node as { value?: unknown }).value) return inferredCheck(file, field.get('value'), written);
  }
  return { type: `the type of ${written}`, seen: false };
}

function classField(from: JsPath, name: string | null): JsPath | null {
  for (let p = parentOf(from); p; p = parentOf(p)) {
    if (!isType(p.node, 'ClassBody')) continue;
    const index = p.node.body.findIndex((m) => /Property|PropertyDefinition/.test(m.type) && nameOf((m as { key?: unknown }).key) === name);
    return index >= 0 ? p.get('body', index) : null;
  }
  return null;
}

/** A `phase` key, or a spread that may bring one. */
export function carriesPhase(obj: NodeOf<'ObjectExpression' | 'ObjectPattern'>): boolean {
  return propertyOf(obj, 'phase') !== undefined || obj.properties.some((p) => p.type === 'SpreadElement');
}

/**
 * The type TypeScript infers for an untyped history from its initial value: `[]` grows
 * with what is pushed, a Responses output list holds items with `phase`, and an array of
 * object literals only allows their properties.
 */
function inferredCheck(file: JsFile, init: JsPath, written: string): TypeCheck {
  const value = unwrap(init).node;
  if (isType(value, 'ArrayExpression')) {
    const elements = value.elements;
    const literals = elements.filter((e): e is NodeOf<'ObjectExpression'> => isType(e, 'ObjectExpression'));
    if (elements.length === 0 || literals.length < elements.length || literals.some(carriesPhase)) return 'ok';
    return { type: `the element type TypeScript infers for ${written} from its first messages`, seen: true };
  }
  if (isCollection(file, init)) return 'ok';
  return { type: `the type of ${written}`, seen: false };
}

/** An SDK type name as written (`OpenAI.Responses.EasyInputMessage`, an alias), as the SDK names it. */
function sdkTypeName(file: JsFile, written: string): string {
  const segments = written.split('.');
  if (segments.length > 1 && file.sdkNamespaces.has(segments[0]!)) segments.shift();
  while (segments.length > 1 && ['Responses', 'Chat', 'Completions'].includes(segments[0]!)) segments.shift();
  const name = segments.join('.');
  return file.sdkNames.get(name) ?? name;
}

function writtenTypeName(node: unknown): string {
  if (isType(node, 'TSQualifiedName')) return `${writtenTypeName(node.left)}.${nameOf(node.right) ?? ''}`;
  return nameOf(node) ?? '';
}

/** Babel's fields of the TypeScript nodes read below, which ast-types spells otherwise or not at all. */
interface TypeFields {
  typeAnnotation: JsNode;
  elementType: JsNode;
  types: JsNode[];
  members: JsNode[];
  body: { body: JsNode[] };
  extends?: Array<{ expression: JsNode }>;
  typeName: JsNode;
  typeParameters?: { params: JsNode[] };
  id: JsNode;
}

function fields(node: JsNode): TypeFields {
  return node as unknown as TypeFields;
}

/**
 * Whether `phase` may be added to an object literal of this declared type. Conservative:
 * allowed for the SDK types that have it, for local types that declare it (directly, via
 * `extends`, an index signature or a union / intersection member) and for `any` /
 * `unknown`; a conflict for local types and SDK types without it, and for types declared
 * in other modules, which the tool cannot see.
 */
function typeCheck(file: JsFile, node: JsNode, depth = 0): TypeCheck {
  if (depth > MAX_TYPE_DEPTH) return { type: `\`${inlineType(nodeText(node, file.text))}\``, seen: false };
  const check = (part: JsNode): TypeCheck => typeCheck(file, part, depth + 1);
  const f = fields(node);
  switch (node.type) {
    case 'TSTypeAnnotation':
    case 'TSParenthesizedType':
    case 'TSTypeOperator':
      return check(f.typeAnnotation);
    case 'TSTypeAliasDeclaration': {
      const aliased = check(f.typeAnnotation);
      return aliased === 'ok' ? 'ok' : { ...aliased, type: `\`${nameOf(f.id)}\`` };
    }
    case 'TSArrayType':
      return check(f.elementType);
    case 'TSUnionType':
    case 'TSIntersectionType': {
      // An excess property is allowed when any member declares it.
      const checks = f.types.map(check);
      return checks.find((c) => c === 'ok') ?? checks[0] ?? 'ok';
    }
    case 'TSTypeLiteral':
      return membersAllowPhase(f.members) ? 'ok' : { type: `\`${inlineType(nodeText(node, file.text))}\``, seen: true };
    case 'TSInterfaceDeclaration': {
      if (membersAllowPhase(f.body.body)) return 'ok';
      const heritage = (f.extends ?? []).map((h) => check({ ...h, type: 'TSTypeReference', typeName: h.expression } as unknown as JsNode));
      return heritage.includes('ok') ? 'ok' : { type: `\`${nameOf(f.id)}\``, seen: true };
    }
    case 'TSTypeReference': {
      const written = writtenTypeName(f.typeName);
      const params = f.typeParameters?.params ?? [];
      if (['Array', 'ReadonlyArray', 'Promise'].includes(written) && params[0]) return check(params[0]);
      // `Record<string, …>` takes any key.
      if (written === 'Record' && params[0]?.type === 'TSStringKeyword') return 'ok';
      const local = file.types.get(written);
      if (local) return check(local);
      const name = sdkTypeName(file, written);
      if (PHASE_TYPES.has(name)) return 'ok';
      const library = libraryOf(file, written);
      return { type: `\`${written}\``, seen: NO_PHASE_TYPES.has(name), ...(library ? { library } : {}) };
    }
    default:
      return 'ok';
  }
}

/** The package outside OpenAI's that declares a type (`@ai-sdk/provider`), from the file's imports; null for OpenAI's and the project's own. */
function libraryOf(file: JsFile, written: string): string | null {
  const source = file.imports.get(written.split('.')[0]!);
  if (source === undefined || /^(\.|\/|openai(\/|$)|@openai\/)/.test(source)) return null;
  return source;
}

function membersAllowPhase(members: JsNode[]): boolean {
  return members.some((m) => m.type === 'TSIndexSignature' || nameOf((m as { key?: unknown }).key) === 'phase');
}

function inlineType(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 60 ? `${flat.slice(0, 57)}...` : flat;
}
