/**
 * The Python strings that may be model sites, each with its syntax context: compared or
 * typed, listed beside other models, the names it is stored under and the requests that
 * use it (where it sits, or read back through the name it is bound to).
 */
import type { Node } from 'web-tree-sitter';
import { countModels } from '../../policy/classify.js';
import { describesModel, isResponseBody, MODEL_KEY, namesAzure } from '../../policy/context.js';
import { isModelLike } from '../../policy/slug.js';
import type { RequestFacts, StringContext, StringValue } from '../../types.js';
import type { PyParsed } from '../python.js';
import { calleeName, isVariableRead, nameOf, plainContent, positionalArguments, sameNode } from './nodes.js';
import { MODEL_FACTORIES, requestFacts, requestOf } from './requests.js';

/** `os.getenv`, `os.environ.get`, `environ.setdefault`, a bare `getenv` imported from os. */
const ENV_GETTER = /^((os\.)?environ\.(get|setdefault)|(os\.)?getenv)$/;
/** Wrappers a value passes through on its way to a name: `(…)`, `x or "gpt-5.4"`, `a if c else b`, collections. */
const TRANSPARENT = new Set([
  'parenthesized_expression',
  'boolean_operator',
  'conditional_expression',
  'list',
  'tuple',
  'set',
  'expression_list',
]);
const COLLECTIONS = new Set(['list', 'tuple', 'set', 'expression_list']);
const COMPARE_OPERATORS = new Set(['==', '!=', 'in', 'not in', 'is', 'is not']);
/** String methods whose arguments are matched or rewritten text, not a model in use (`name.replace("gpt_4o", "gpt-4o")`). */
const COMPARE_METHODS = new Set(['startswith', 'endswith', 'replace', 'removeprefix', 'removesuffix']);

/**
 * A model client or agent built from this model (`ChatOpenAI(…)`, `Agent(…)`,
 * `init_chat_model(…)`): the name it is stored under names the route
 * (`fallback_llm = ChatOpenAI(model=…)`). API calls are not followed, so
 * `previous_response = client.responses.create(model=…)` names nothing.
 */
function buildsModel(call: Node): boolean {
  const name = calleeName(call) ?? '';
  return /^[A-Z]/.test(name) || MODEL_FACTORIES.has(name);
}

/** The call `node` is the default of, as in `os.getenv("X", node)` or `os.environ.get("X", default=node)`. */
function envDefaultOf(node: Node): { env: string | null; call: Node } | null {
  const holder =
    node.parent?.type === 'keyword_argument' && nameOf(node.parent.childForFieldName('name')) === 'default' ? node.parent : node;
  const call = holder.parent?.type === 'argument_list' ? holder.parent.parent : null;
  if (!call || !ENV_GETTER.test(call.childForFieldName('function')?.text ?? '')) return null;
  const args = positionalArguments(call);
  if (holder === node && !sameNode(args[1], node)) return null;
  return { env: plainContent(args[0])?.value ?? null, call };
}

/** Requests in `scope` whose model is the identifier `name`. */
function requestsUsing(scope: Node, name: string, text: string): RequestFacts[] {
  return scope
    .descendantsOfType('identifier')
    .filter((id) => id.text === name && isVariableRead(id))
    .map(requestOf)
    .filter((r): r is Node => r !== null)
    .map((request) => requestFacts(request, text));
}

/** The function or module a name bound at `node` lives in; null inside a class body (used as `self.x`). */
function bindingScope(node: Node): Node | null {
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === 'function_definition' || p.type === 'lambda' || p.type === 'module') return p;
    if (p.type === 'class_definition') return null;
  }
  return null;
}

interface Walk {
  names: string[];
  requests: RequestFacts[];
  /** The name the value is bound to, whose uses may be requests elsewhere in `scope`. */
  binding: { name: string; scope: Node } | null;
}

/** Where a value is stored under a name: assignment targets and parameter defaults. */
function namedBinding(parent: Node, node: Node): { name: string; scope: Node | null } | null {
  if (!sameNode(parent.childForFieldName(parent.type === 'assignment' ? 'right' : 'value'), node)) return null;
  if (parent.type === 'assignment') {
    const target = parent.childForFieldName('left');
    const name = nameOf(target);
    return name ? { name, scope: target?.type === 'identifier' ? bindingScope(parent) : null } : null;
  }
  if (parent.type === 'default_parameter' || parent.type === 'typed_default_parameter') {
    const name = nameOf(parent.childForFieldName('name'));
    return name ? { name, scope: parent.parent?.parent ?? null } : null;
  }
  return null;
}

/** Walks from a literal up through wrappers, dicts, model keywords and env lookups, collecting names and its request. */
function walkUp(start: Node, text: string): Walk {
  const walk: Walk = { names: [], requests: [], binding: null };
  let node = start;
  for (let depth = 0; depth < 8 && node.parent; depth++) {
    const parent = node.parent;
    if (TRANSPARENT.has(parent.type)) {
      node = parent;
      continue;
    }
    const request = requestOf(node);
    if (request && walk.requests.length === 0 && depth <= 2) walk.requests.push(requestFacts(request, text));
    if (parent.type === 'pair' || parent.type === 'keyword_argument') {
      if (!sameNode(parent.childForFieldName('value'), node)) break;
      const key = nameOf(parent.childForFieldName(parent.type === 'pair' ? 'key' : 'name'));
      if (key) walk.names.push(key);
      if (parent.type === 'pair') node = parent.parent!;
      else if (request && buildsModel(request)) node = request;
      else break;
      continue;
    }
    if (request) {
      node = request; // init_chat_model("gpt-5.4", …)
      continue;
    }
    const env = envDefaultOf(node);
    if (env) {
      if (env.env) walk.names.push(env.env);
      node = env.call;
      continue;
    }
    const named = namedBinding(parent, node);
    if (named) {
      walk.names.push(named.name);
      if (named.scope) walk.binding = { name: named.name, scope: named.scope };
    }
    break;
  }
  return walk;
}

/** The collection or parenthesis chain a value sits in, up to the first other parent. */
function outerValue(node: Node): Node {
  let outer = node;
  while (
    outer.parent &&
    TRANSPARENT.has(outer.parent.type) &&
    outer.parent.type !== 'boolean_operator' &&
    outer.parent.type !== 'conditional_expression'
  ) {
    outer = outer.parent;
  }
  return outer;
}

/** Compared rather than used: `==`, `in`, `not in`, `match`/`case`, `.startswith(…)`, a lookup key `PRICES["gpt-5.4"]`. */
function isCompared(node: Node): boolean {
  for (let p = node.parent; p && p.type !== 'case_clause' && p.type !== 'block'; p = p.parent) {
    if (p.type === 'case_pattern') return true;
  }
  const outer = outerValue(node);
  const parent = outer.parent;
  if (!parent) return false;
  if (parent.type === 'comparison_operator') {
    const children = parent.children;
    const i = children.findIndex((c) => sameNode(c, outer));
    return [children[i - 1], children[i + 1]].some((op) => op !== undefined && COMPARE_OPERATORS.has(op.type));
  }
  if (parent.type === 'argument_list') {
    const call = parent.parent;
    return call !== null && COMPARE_METHODS.has(calleeName(call) ?? '');
  }
  if (parent.type === 'attribute' && sameNode(parent.childForFieldName('object'), outer)) {
    return COMPARE_METHODS.has(nameOf(parent) ?? '') && parent.parent?.type === 'call';
  }
  // A lookup key must match the table's keys, which are not sites: changing one side breaks it.
  return parent.type === 'subscript' && sameNode(parent.childForFieldName('subscript'), outer) && !isLiteralType(parent);
}

/** Calls that look a model's tokenizer up (`tiktoken.encoding_for_model`): the name picks an encoding and sends nothing. */
const TOKENIZER_LOOKUPS = new Set(['encoding_for_model']);
/** Collections a membership test checks a value against exactly (`model in ("gpt-4o", "o1")`). */
const LITERAL_COLLECTIONS = new Set(['list', 'tuple', 'set', 'dictionary']);

/**
 * Text matched rather than a model named: the needle of a substring test (`"o3" in name`,
 * not `name in ("o3", "o1")`), a prefix, suffix or replace argument; or the model a
 * tokenizer is looked up for.
 */
function matchedAs(node: Node): StringContext['matched'] {
  const outer = outerValue(node);
  const parent = outer.parent?.type === 'keyword_argument' ? outer.parent.parent : outer.parent;
  if (parent?.type === 'argument_list' && parent.parent) {
    const name = calleeName(parent.parent) ?? '';
    if (TOKENIZER_LOOKUPS.has(name)) return 'tokenizer';
    return COMPARE_METHODS.has(name) && outer.parent?.type !== 'keyword_argument' ? 'text' : undefined;
  }
  if (parent?.type !== 'comparison_operator') return undefined;
  const children = parent.children;
  const i = children.findIndex((c) => sameNode(c, outer));
  const operator = children[i + 1]?.type;
  const haystack = children[i + 2];
  const substring = (operator === 'in' || operator === 'not in') && haystack && !LITERAL_COLLECTIONS.has(haystack.type);
  return substring ? 'text' : undefined;
}

function isLiteralType(subscript: Node): boolean {
  return /^(\w+\.)*Literal$/.test(subscript.childForFieldName('value')?.text ?? '');
}

/** Inside an annotation, a `type` alias, or a `Literal[...]` subscript (a runtime type alias). */
function insideType(node: Node): boolean {
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === 'type' || (p.type === 'subscript' && isLiteralType(p))) return true;
    if (p.type === 'block' || p.type === 'module') return false;
  }
  return false;
}

function listsModels(node: Node): boolean {
  return node.descendantsOfType('string').some((s) => isModelLike(plainContent(s)?.value ?? ''));
}

/** The module-level alias `name` stands for: `Name = Literal[...]`, `Name: TypeAlias = ...`, `type Name = ...`. */
function moduleAlias(root: Node, name: string): Node | null {
  for (const statement of root.namedChildren) {
    const declaration = statement.type === 'expression_statement' ? statement.firstNamedChild : statement;
    if (declaration?.type !== 'assignment' && declaration?.type !== 'type_alias_statement') continue;
    if (declaration.childForFieldName('left')?.text === name) return declaration.childForFieldName('right');
  }
  return null;
}

/**
 * A default or assigned value whose own annotation lists models (`model: Literal["gpt-5.4"] = "gpt-5.4"`,
 * directly or through a module-level alias): changing the value alone would break the type.
 */
function typedByModelLiteral(node: Node): boolean {
  const parent = node.parent;
  if (!parent || !sameNode(parent.childForFieldName(parent.type === 'assignment' ? 'right' : 'value'), node)) return false;
  const annotation = parent.childForFieldName('type');
  if (!annotation) return false;
  if (listsModels(annotation)) return true;
  const alias = annotation.firstNamedChild?.type === 'identifier' ? moduleAlias(annotation.tree.rootNode, annotation.text) : null;
  return alias !== null && listsModels(alias);
}

function inType(node: Node): boolean {
  return insideType(node) || typedByModelLiteral(node);
}

function collectionModels(node: Node): number {
  let parent = node.parent;
  while (parent?.type === 'parenthesized_expression') parent = parent.parent;
  if (parent?.type === 'pair') return tableModels(parent);
  if (!parent || !COLLECTIONS.has(parent.type)) return 0;
  const rows = parent.type === 'tuple' && parent.parent && COLLECTIONS.has(parent.parent.type) ? parent.parent : null;
  // A row of a table (`[("OPENAI_API_KEY", "gpt-4o"), ("GEMINI_API_KEY", "gemini/…")]`) counts the whole table's models.
  const cells = rows ? rows.namedChildren.flatMap((row) => (row.type === 'tuple' ? row.namedChildren : [row])) : parent.namedChildren;
  return countModels(cells.map((el) => plainContent(el)?.value ?? null));
}

/** Distinct models a dict must name to be an alias table rather than a config's few routes. */
const ALIAS_TABLE_MODELS = 3;

/**
 * A dict naming several distinct models under names other than a model key (`{"4o":
 * "gpt-4o", "mini": "gpt-4o-mini", "sonnet": …}`) is an alias table: its values count as a list's.
 */
function tableModels(pair: Node): number {
  const key = pair.childForFieldName('key');
  const dict = pair.parent;
  if (!key || dict?.type !== 'dictionary' || MODEL_KEY.test(plainContent(key)?.value ?? key.text)) return 0;
  const values = dict.namedChildren.filter((c) => c.type === 'pair').map((p) => plainContent(p.childForFieldName('value'))?.value ?? null);
  const models = countModels(values);
  return new Set(values.filter((v) => v !== null && isModelLike(v))).size >= ALIAS_TABLE_MODELS ? models : 0;
}

/** Strings that are not values: docstrings and bare expression statements, dict keys, parts of an implicit concatenation. */
function isNonValuePosition(node: Node): boolean {
  const parent = node.parent;
  if (!parent) return true;
  if (parent.type === 'expression_statement' || parent.type === 'concatenated_string') return true;
  return parent.type === 'pair' && sameNode(parent.childForFieldName('key'), node);
}

/** The key a string is under (a keyword or dict key; null when positional) and the keys beside it. */
function keysAround(node: Node): { key: string | null; keys: string[] } | null {
  const parent = node.parent;
  const holder = parent?.type === 'keyword_argument' || parent?.type === 'pair' ? parent : null;
  const container = holder ? holder.parent : parent;
  const key = holder?.childForFieldName(holder.type === 'pair' ? 'key' : 'name') ?? null;
  const keyText = key ? (plainContent(key)?.value ?? key.text) : null;
  if (container?.type === 'argument_list') {
    const keywords = container.namedChildren.filter((c) => c?.type === 'keyword_argument');
    return { key: keyText, keys: keywords.map((k) => k.childForFieldName('name')?.text ?? '') };
  }
  if (container?.type === 'dictionary' && holder) {
    const pairs = container.namedChildren.filter((c) => c?.type === 'pair');
    return {
      key: keyText,
      keys: pairs.map((p) => {
        const k = p.childForFieldName('key');
        return k ? (plainContent(k)?.value ?? k.text) : '';
      }),
    };
  }
  return null;
}

/** `{"id": "resp_1", "object": "response", "model": "gpt-5", "output": [...]}`: what a recorded response reports. */
function inResponseBody(node: Node): boolean {
  const around = keysAround(node);
  return around !== null && isResponseBody(around.key, around.keys);
}

/** `Chat("gpt-4o", vision=True, supports_schema=True)`, `{"id": "gpt-4o", "context_window": ...}`: a model described, not used. */
function inCatalogEntry(node: Node): boolean {
  const around = keysAround(node);
  return around !== null && describesModel(around.key, around.keys);
}

const SETTING_HOLDERS = new Set(['keyword_argument', 'pair', 'default_parameter', 'typed_default_parameter']);

/**
 * The plain string values of the settings beside the one `node` is the value of: the other
 * keywords of a call, entries of a dict, parameter defaults of a signature.
 */
function siblingValues(node: Node): Array<string | null> {
  const holder = node.parent;
  if (!holder || !SETTING_HOLDERS.has(holder.type) || !sameNode(holder.childForFieldName('value'), node)) return [];
  return (holder.parent?.namedChildren ?? [])
    .filter((c) => SETTING_HOLDERS.has(c.type) && !sameNode(c, holder))
    .map((c) => plainContent(c.childForFieldName('value'))?.value ?? null);
}

export function strings(parsed: PyParsed, text: string): StringValue[] {
  const out: StringValue[] = [];
  for (const node of parsed.tree.rootNode.descendantsOfType('string')) {
    const literal = plainContent(node);
    if (!literal || !isModelLike(literal.value) || isNonValuePosition(node) || inResponseBody(node)) continue;
    const walk = walkUp(node, text);
    const requests = walk.requests.length > 0 || !walk.binding ? walk.requests : requestsUsing(walk.binding.scope, walk.binding.name, text);
    const context: StringContext = {
      compared: isCompared(node),
      matched: matchedAs(node),
      inType: inType(node),
      collectionModels: collectionModels(node),
      names: walk.names,
      requests,
      catalogEntry: inCatalogEntry(node),
      azureSibling: namesAzure(siblingValues(node)),
    };
    out.push({ ...literal, context });
  }
  return out.sort((a, b) => a.start - b.start);
}
