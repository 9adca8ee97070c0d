/**
 * The one walk per JS/TS tree (src/languages/js/tree.ts): it must visit what an ast-types
 * visitor visits, in its order, and its paths must answer `node`, `parent`, `name`, `get`
 * and scope questions as ast-types paths do, since every transform reads the tree through it.
 */
import * as astTypes from 'ast-types';
import { describe, expect, test } from 'vitest';
import { javascript } from '../src/languages/javascript.js';
import { childPath, type JsNode, type JsPath, nodeText, parentNode, startOf } from '../src/languages/js/nodes.js';
import { bindingOf } from '../src/languages/js/scope.js';
import { identifiersWithin, membersWithin, pathsOfType, pathsWithin } from '../src/languages/js/tree.js';

const SOURCE = `import OpenAI from "openai";
import type { ResponseInputItem } from "openai/resources/responses";

const client = new OpenAI();

export class Assistant<T extends string = string> {
  private history: ResponseInputItem[] = [];
  constructor(readonly model: T) {}

  async ask(question: string, retries = 2): Promise<string> {
    this.history.push({ role: "user", content: question });
    const response = await client.responses.create({ model: this.model, input: this.history });
    for (const item of response.output) {
      if (item.type === "message") this.history.push({ role: "assistant", content: item.content, phase: item.phase });
    }
    return retries > 0 ? response.output_text : \`\${response.output_text}!\`;
  }
}

export const assistant = new Assistant("gpt-5.4");
`;

const where = (node: JsNode): string => `${node.type}@${startOf(node)}-${nodeText(node, SOURCE).length}`;

/** What an ast-types visitor visits below the root, in its order, on a parse of its own (the visitor fills in fields). */
function visitedByAstTypes(text: string): string[] {
  const seen: string[] = [];
  astTypes.visit(javascript.parse(text, 'src/assistant.ts').file, {
    visitNode(path) {
      const node = path.node as unknown as JsNode;
      if (node.type !== 'File') seen.push(where(node));
      this.traverse(path);
    },
  });
  return seen;
}

describe('the walk', () => {
  test('visits the nodes an ast-types visitor visits, in its order', () => {
    const parsed = javascript.parse(SOURCE, 'src/assistant.ts');
    expect(pathsOfType(parsed, 'Node').map((p) => where(p.node))).toEqual(visitedByAstTypes(SOURCE));
  });

  test('a type question matches subtypes, as an ast-types find does', () => {
    const parsed = javascript.parse(SOURCE, 'src/assistant.ts');
    const functions = pathsOfType(parsed, 'Function').map((p) => p.node.type);
    expect(functions).toEqual(['ClassMethod', 'ClassMethod']);
    expect(pathsOfType(parsed, 'Expression').length).toBeGreaterThan(pathsOfType(parsed, 'Identifier').length);
  });

  test('questions inside a node stay inside it, in visit order', () => {
    const parsed = javascript.parse(SOURCE, 'src/assistant.ts');
    const ask = pathsOfType(parsed, 'ClassMethod')[1]!.node;
    const pushes = membersWithin(parsed, ask, 'push').map((p) => startOf(p.node));
    expect(pushes).toHaveLength(2);
    expect(pushes[0]).toBeLessThan(pushes[1]!);
    expect(identifiersWithin(parsed, ask, 'client')).toHaveLength(1);
    expect(identifiersWithin(parsed, parsed.file, 'client')).toHaveLength(2);
    expect(pathsWithin(parsed, ask, 'ClassMethod')).toEqual([]);
  });
});

describe('a path', () => {
  const parsed = javascript.parse(SOURCE, 'src/assistant.ts');
  const create = pathsOfType(parsed, 'CallExpression').find((p) => /responses\.create/.test(nodeText(p.node, SOURCE)))!;

  test('names its place as ast-types does: the field, or the index in a list', () => {
    const request = childPath(create, 'arguments', 0);
    expect(request.node.type).toBe('ObjectExpression');
    expect(request.name).toBe(0);
    expect(request.parent?.node).toBe(create.node);
    const callee = childPath(create, 'callee');
    expect(callee.name).toBe('callee');
    expect(parentNode(callee)).toBe(create.node);
  });

  test('a field left empty gives a path to nothing under the node', () => {
    const constructor = pathsOfType(parsed, 'ClassMethod')[0]!;
    const returnType = constructor.get('returnType');
    expect(returnType.node ?? null).toBeNull();
    expect(returnType.parent?.node).toBe(constructor.node);
  });

  test('parents run up to the root', () => {
    const chain: string[] = [];
    for (let p: JsPath | null = create; p; p = p.parent) chain.push(p.node.type);
    expect(chain.at(-1)).toBe('File');
    expect(chain).toContain('ClassMethod');
  });

  test('a binding is found through the scope, as a path of the same tree', () => {
    const item = identifiersWithin(parsed, parsed.file, 'item').find((p) => p.name === 'object')!;
    const declared = bindingOf(item, 'item');
    expect(declared?.node.type).toBe('Identifier');
    expect(declared?.parent?.node.type).toBe('VariableDeclarator');
    const retries = identifiersWithin(parsed, parsed.file, 'retries').at(-1)!;
    expect(bindingOf(retries, 'retries')?.parent?.node.type).toBe('AssignmentPattern');
    expect(bindingOf(item, 'nowhere')).toBeNull();
  });
});
