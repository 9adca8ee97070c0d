/**
 * What a JS/TS model string is tied to beyond its own expression: the test that names the
 * model it is about, the comparison whose branch returns it, the table its type keys
 * into, the comment beside it, the options object passed with it. The policy reads these
 * to leave strings whose change would break or mislabel the code around them.
 */
import { isDisplayNameKey, namesModel, RECORDED_OBJECT } from '../../policy/context.js';
import { isModelLike } from '../../policy/slug.js';
import type { StringContext } from '../../types.js';
import {
  childPath,
  isObjectProperty,
  isType,
  type JsNode,
  type JsPath,
  literalString,
  nameOf,
  parentNode,
  parentOf,
  typeAnnotationOf,
} from './nodes.js';
import { type JsParsed, pathsOfType, pathsWithin } from './tree.js';

/** Test runners' suite and case functions (vitest, jest, mocha, node:test). */
const TEST_CALLS = new Set(['describe', 'it', 'test', 'suite']);

/** `describe`, `test.only`, `it.each(rows)`: the runner function a call's callee starts from. */
function testCallee(callee: unknown): boolean {
  let node = callee as JsNode | undefined;
  while (isType(node, 'MemberExpression', 'CallExpression')) node = isType(node, 'CallExpression') ? node.callee : node.object;
  return TEST_CALLS.has(nameOf(node) ?? '');
}

function testTitle(node: JsNode | undefined): string | null {
  if (!isType(node, 'CallExpression') || !testCallee(node.callee)) return null;
  return literalString(node.arguments[0])?.value ?? null;
}

/** A test title that says its model fails on purpose: the old model is what the test needs. */
const FAILING_MODEL_TITLE = /\b(unsupported|not supported|below|older|legacy|deprecated|rejects?|errors?)\b/i;

/** The value is a test's or suite's title (`describe("gpt-5", …)`): a name, not a model. */
export function isTestTitle(path: JsPath): boolean {
  const call = parentNode(path);
  return isType(call, 'CallExpression') && call.arguments[0] === path.node && testCallee(call.callee);
}

/** The titles of the tests and suites around a value, nearest first. */
function titlesAround(path: JsPath): string[] {
  const titles: string[] = [];
  for (let p = parentOf(path); p; p = parentOf(p)) {
    const title = testTitle(p.node);
    if (title !== null) titles.push(title);
  }
  return titles;
}

/** The test about this model around the value: one whose title names it, or the nearest test when it expects a failure. */
function testSubject(path: JsPath, value: string): string | undefined {
  const titles = titlesAround(path);
  return titles.find((t) => namesModel(t, value)) ?? titles.slice(0, 1).find((t) => FAILING_MODEL_TITLE.test(t));
}

/** `static providerName = "askSage"` in the class around the value: the service that serves its model, unless it is OpenAI's. */
function otherProvider(path: JsPath): string | null {
  let body: JsPath | null = parentOf(path);
  while (body && body.node.type !== 'ClassBody') body = parentOf(body);
  const members: unknown[] = isType(body?.node, 'ClassBody') ? body.node.body : [];
  const field = members.find((m) => isType(m, 'ClassProperty') && m.static && nameOf(m.key) === 'providerName');
  const name = isType(field, 'ClassProperty') ? literalString(field.value)?.value : undefined;
  return name !== undefined && !/^(openai|azure)/i.test(name) ? name : null;
}

/** A model-like string compared in a condition: `m.startsWith("gpt-5")`, `m === "o1"`. */
function comparesModel(test: JsNode | null | undefined, parsed: JsParsed): boolean {
  return test ? pathsWithin(parsed, test, 'StringLiteral').some((s) => isModelLike(s.node.value)) : false;
}

/** Returned (or the branch value) under a condition that compares a model name. */
function isMapped(path: JsPath, parsed: JsParsed): boolean {
  let p: JsPath | null = path;
  while (p && isType(parentNode(p), 'TSAsExpression', 'TSSatisfiesExpression', 'ParenthesizedExpression')) p = parentOf(p);
  const holder = p && parentOf(p);
  if (!p || !holder) return false;
  if (isType(holder.node, 'ConditionalExpression')) return holder.node.test !== p.node && comparesModel(holder.node.test, parsed);
  if (!isType(holder.node, 'ReturnStatement')) return false;
  for (let q = parentOf(holder); q && !/Function/.test(q.node.type); q = parentOf(q)) {
    if (isType(q.node, 'IfStatement')) return comparesModel(q.node.test, parsed);
    if (isType(q.node, 'SwitchCase')) return q.node.test !== null && isModelLike(literalString(q.node.test)?.value ?? '');
  }
  return false;
}

/** `keyof typeof models`: the table's name. */
function keyofTable(type: JsNode | null | undefined): string | null {
  if (!isType(type, 'TSTypeOperator') || type.operator !== 'keyof') return null;
  const query = type.typeAnnotation;
  return isType(query, 'TSTypeQuery') ? nameOf(query.exprName) : null;
}

/** The type a declaration annotates, through one alias declared in the file (`type Id = keyof typeof models`). */
function declaredType(annotation: JsNode | null, parsed: JsParsed): JsNode | null {
  const type = isType(annotation, 'TSTypeAnnotation') ? annotation.typeAnnotation : null;
  if (!isType(type, 'TSTypeReference')) return type;
  const alias = nameOf(type.typeName);
  return pathsOfType(parsed, 'TSTypeAliasDeclaration').find((a) => a.node.id.name === alias)?.node.typeAnnotation ?? null;
}

function tableKeys(table: string, parsed: JsParsed): string[] | null {
  const declarator = pathsOfType(parsed, 'VariableDeclarator').find((d) => nameOf(d.node.id) === table)?.node;
  let init = declarator?.init as JsNode | null | undefined;
  while (isType(init, 'TSAsExpression', 'TSSatisfiesExpression')) init = init.expression;
  if (!isType(init, 'ObjectExpression')) return null;
  return init.properties.filter(isObjectProperty).map((p) => nameOf(p.key) ?? '');
}

/** A default typed as a key of a table in the same file (`const id: ModelId = "gpt-5.4"`, `ModelId = keyof typeof models`). */
function keyOf(path: JsPath, parsed: JsParsed): StringContext['keyOf'] {
  const declarator = parentNode(path);
  if (!isType(declarator, 'VariableDeclarator') || declarator.init !== path.node) return undefined;
  const table = keyofTable(declaredType(typeAnnotationOf(declarator.id), parsed));
  const keys = table ? tableKeys(table, parsed) : null;
  return table && keys ? { table, keys } : undefined;
}

/** The comment on the value's line, or on the line above when that line is a comment alone. */
function commentBeside(text: string, start: number): string | null {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = text.indexOf('\n', start);
  const line = text.slice(start, lineEnd === -1 ? undefined : lineEnd).replace(/\r$/, '');
  const trailing = /\/\/(.*)$|\/\*(.*?)\*\//.exec(line);
  if (trailing) return (trailing[1] ?? trailing[2] ?? '').trim();
  const above = text.slice(text.lastIndexOf('\n', lineStart - 2) + 1, Math.max(lineStart - 1, 0)).trim();
  return /^(\/\/|\/?\*)/.test(above) ? above.replace(/^(\/\/+|\/?\*+)\s*/, '') : null;
}

/** The display text of the object around a value (`{name: "GPT-4o", model: "gpt-4o"}`). */
function displayNames(path: JsPath): string[] {
  const object = parentOf(parentOf(path) ?? path);
  if (!object || !isType(object.node, 'ObjectExpression') || !isObjectProperty(parentNode(path))) return [];
  return object.node.properties
    .filter((p) => isObjectProperty(p) && isDisplayNameKey(nameOf(p.key) ?? '') && p.value !== path.node)
    .map((p) => (isObjectProperty(p) ? (literalString(p.value)?.value ?? '') : ''));
}

/** The object around the value is a recorded API response: `{object: "response", model: "gpt-5.4", output: []}`. */
function inRecordedResponse(path: JsPath): boolean {
  const object = parentOf(parentOf(path) ?? path);
  if (!object || !isType(object.node, 'ObjectExpression') || !isObjectProperty(parentNode(path))) return false;
  return object.node.properties.some(
    (p) => isObjectProperty(p) && nameOf(p.key) === 'object' && RECORDED_OBJECT.test(literalString(p.value)?.value ?? ''),
  );
}

/** Transport settings a client takes (openai-node's `fetch`, LangChain's `configuration.fetch`). */
const TRANSPORT_KEYS = new Set(['fetch', 'httpClient', 'httpAgent']);
const MOCK_NAME = /mock|fake|stub/i;

/** The mock the request object around the value sends through, if its transport is one. */
function mockedTransport(path: JsPath): string | null {
  const object = parentOf(parentOf(path) ?? path)?.node;
  if (!isType(object, 'ObjectExpression') || !isObjectProperty(parentNode(path))) return null;
  const settings = object.properties.flatMap((p) =>
    isObjectProperty(p) && nameOf(p.key) === 'configuration' && isType(p.value, 'ObjectExpression') ? [p, ...p.value.properties] : [p],
  );
  const mock = settings.find(
    (p) => isObjectProperty(p) && TRANSPORT_KEYS.has(nameOf(p.key) ?? '') && MOCK_NAME.test(nameOf(p.value) ?? ''),
  );
  return isObjectProperty(mock) ? nameOf(mock.value) : null;
}

/** LangChain's chat model constructors and factory: their fields, not the API's, carry the settings. */
const LANGCHAIN_CALLS = /^(ChatOpenAI|AzureChatOpenAI|ChatOpenRouter|initChatModel)$/;

/** The value is the model of a LangChain call: `new ChatOpenAI({model})`, `initChatModel(model, {...})`. */
function inLangChainCall(path: JsPath): boolean {
  let p = parentOf(path);
  if (p && isObjectProperty(p.node)) p = parentOf(parentOf(p) ?? p);
  return isType(p?.node, 'CallExpression', 'NewExpression') && LANGCHAIN_CALLS.test(nameOf(p.node.callee) ?? '');
}

/**
 * The options object passed with a model as the next argument (`initChatModel("gpt-4o",
 * {temperature: 0})`): the request its sampling parameters go to.
 */
export function optionsArgument(holder: JsPath, node: JsNode): JsPath | null {
  const call = holder.node;
  if (!isType(call, 'CallExpression', 'NewExpression') || call.arguments[0] !== node) return null;
  return isType(call.arguments[1], 'ObjectExpression') ? childPath(holder, 'arguments', 1) : null;
}

/** The couplings of the model string `value` at `path`, for StringContext. */
export function couplings(path: JsPath, parsed: JsParsed, text: string, value: string): Partial<StringContext> {
  const facts: Partial<StringContext> = {};
  const subject = testSubject(path, value);
  if (subject !== undefined) facts.testSubject = subject;
  const provider = otherProvider(path);
  if (provider !== null) facts.provider = provider;
  if (isMapped(path, parsed)) facts.mapped = true;
  if (inRecordedResponse(path)) facts.recorded = true;
  if (inLangChainCall(path)) facts.library = 'langchain';
  const mock = mockedTransport(path);
  if (mock !== null) facts.mockedBy = mock;
  const table = keyOf(path, parsed);
  if (table) facts.keyOf = table;
  const prose = [commentBeside(text, (path.node as { start?: number }).start ?? 0), ...displayNames(path)].find(
    (t): t is string => t !== null && namesModel(t, value),
  );
  if (prose !== undefined) facts.prose = prose;
  return facts;
}
