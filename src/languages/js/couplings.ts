/**
 * What a JS/TS model string is tied to beyond its own expression: the test that names the
 * model it is about, the comparison whose branch returns it, the table its type keys
 * into, the comment beside it, the options object passed with it. The policy reads these
 * to leave strings whose change would break or mislabel the code around them.
 */
import { isDisplayNameKey, namesModel, RECORDED_ID, RECORDED_OBJECT } from '../../policy/context.js';
import { isModelLike } from '../../policy/slug.js';
import type { StringContext } from '../../types.js';
import {
  childPath,
  isMember,
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
import type { ModuleReader } from '../types.js';
import { importedAliasTable, importedNames, importedTableWith, keyofTable, type ModelTable, objectKeys } from './imports.js';
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

/** What the couplings read: the file's tree and text, and the modules it imports. */
export interface CouplingScope {
  parsed: JsParsed;
  text: string;
  modules: ModuleReader;
}

/** The table a declared type keys into: `keyof typeof models`, or an alias of it declared in the file or in a module it imports. */
function typedTable(annotation: JsNode | null, scope: CouplingScope): ModelTable | null {
  const type = isType(annotation, 'TSTypeAnnotation') ? annotation.typeAnnotation : null;
  if (!isType(type, 'TSTypeReference')) return localTable(keyofTable(type), scope.parsed);
  const alias = nameOf(type.typeName) ?? '';
  const local = pathsOfType(scope.parsed, 'TSTypeAliasDeclaration').find((a) => a.node.id.name === alias);
  if (local) return localTable(keyofTable(local.node.typeAnnotation), scope.parsed);
  const module = importedNames(scope.parsed).get(alias);
  return module === undefined ? null : importedAliasTable(alias, module, scope.modules);
}

function localTable(table: string | null, parsed: JsParsed): ModelTable | null {
  const declarator = table && pathsOfType(parsed, 'VariableDeclarator').find((d) => nameOf(d.node.id) === table)?.node;
  const keys = declarator ? objectKeys(declarator.init) : null;
  return table && keys ? { table, keys } : null;
}

/** A default typed as a key of a table (`const id: ModelId = "gpt-5.4"`, `ModelId = keyof typeof models`, here or imported). */
function keyOf(path: JsPath, scope: CouplingScope): ModelTable | null {
  const declarator = parentNode(path);
  if (!isType(declarator, 'VariableDeclarator') || declarator.init !== path.node) return null;
  return typedTable(typeAnnotationOf(declarator.id), scope);
}

/** The function around a value it returns directly (through casts and parentheses). */
function returningFunction(path: JsPath): JsPath | null {
  let p: JsPath | null = path;
  while (p && isType(parentNode(p), 'TSAsExpression', 'TSSatisfiesExpression', 'ParenthesizedExpression')) p = parentOf(p);
  if (!p || !isType(parentNode(p), 'ReturnStatement')) return null;
  for (let q = parentOf(p); q; q = parentOf(q)) if (/Function/.test(q.node.type)) return q;
  return null;
}

/**
 * A value returned beside defaults the function imports (`case "openai": return
 * openAiDefaultModelId` in a provider's switch): a key of the catalog one of the file's
 * modules declares, which that catalog's default is typed against.
 */
function returnedDefaultKey(path: JsPath, scope: CouplingScope, value: string): ModelTable | null {
  const fn = returningFunction(path);
  if (!fn) return null;
  const imported = importedNames(scope.parsed);
  const importedReturns = pathsWithin(scope.parsed, fn.node, 'ReturnStatement').filter((r) => imported.has(nameOf(r.node.argument) ?? ''));
  return importedReturns.length >= 2 ? importedTableWith(value, scope.parsed, scope.modules) : null;
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

/** What marks an object as an API response: its `object` type, or the id the API gave it. */
function marksResponse(property: unknown): boolean {
  if (!isObjectProperty(property)) return false;
  const value = literalString(property.value)?.value ?? '';
  const key = nameOf(property.key);
  return (key === 'object' && RECORDED_OBJECT.test(value)) || (key === 'id' && RECORDED_ID.test(value));
}

/** The object around the value is a recorded API response: `{object: "response", model: "gpt-5.4"}`, `{id: "resp_1", model: "o3"}`. */
function inRecordedResponse(path: JsPath): boolean {
  const object = parentOf(parentOf(path) ?? path);
  if (!object || !isType(object.node, 'ObjectExpression') || !isObjectProperty(parentNode(path))) return false;
  return object.node.properties.some(marksResponse);
}

/** Assertion entry points of test runners: what they are given is the result under test. */
const ASSERTIONS = new Set(['expect', 'assert']);
/** A predicate's name: `isReasoningModel`, `supportsTools`, `hasVision`. */
const PREDICATE = /^(is|has|supports?|can|should|requires?)[A-Z0-9_]/;

/** The call whose result an assertion checks (`expect(fn(x))`, `expect(await fn(x))`). */
function assertedCall(call: JsPath): boolean {
  let p: JsPath | null = call;
  while (p && isType(parentNode(p), 'AwaitExpression', 'TSAsExpression', 'TSNonNullExpression', 'ParenthesizedExpression')) p = parentOf(p);
  const assertion = p && parentNode(p);
  return isType(assertion, 'CallExpression') && assertion.arguments[0] === p?.node && ASSERTIONS.has(nameOf(assertion.callee) ?? '');
}

/**
 * The value is the input of a lookup or predicate, not a model anyone sends: an argument
 * of a predicate (`isReasoningModel("o3")`) or of a call a test asserts the result of
 * (`expect(getModelInfo("gpt-4o"))`), or the key read from a table (`models["gpt-4o"]`).
 * Returns the function or table's name.
 */
function lookupInput(path: JsPath): string | null {
  const holder = parentOf(path);
  const node = holder?.node;
  if (isMember(node) && node.computed && node.property === path.node) return nameOf(node.object) ?? 'a table';
  if (!holder || !isType(node, 'CallExpression') || !node.arguments.includes(path.node as never)) return null;
  const name = nameOf(node.callee);
  return name !== null && (PREDICATE.test(name) || assertedCall(holder)) ? name : null;
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
export function couplings(path: JsPath, scope: CouplingScope, value: string): Partial<StringContext> {
  const { parsed, text } = scope;
  const facts: Partial<StringContext> = {};
  const subject = testSubject(path, value);
  if (subject !== undefined) facts.testSubject = subject;
  const provider = otherProvider(path);
  if (provider !== null) facts.provider = provider;
  if (isMapped(path, parsed)) facts.mapped = true;
  if (inRecordedResponse(path)) facts.recorded = true;
  const lookup = lookupInput(path);
  if (lookup !== null) facts.lookupInput = lookup;
  if (inLangChainCall(path)) facts.library = 'langchain';
  const mock = mockedTransport(path);
  if (mock !== null) facts.mockedBy = mock;
  const table = keyOf(path, scope) ?? returnedDefaultKey(path, scope, value);
  if (table) facts.keyOf = table;
  const prose = [commentBeside(text, (path.node as { start?: number }).start ?? 0), ...displayNames(path)].find(
    (t): t is string => t !== null && namesModel(t, value),
  );
  if (prose !== undefined) facts.prose = prose;
  return facts;
}
