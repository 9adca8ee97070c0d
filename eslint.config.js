// ESLint: typescript-eslint's type-checked recommendations, a size limit, and import
// rules that keep the layers' arrows one-way:
//   src/cli.ts -> src/runner/ -> transforms/ -> src/languages/ -> src/policy/ -> src/types.ts
// (src/report/ sits beside the runner; src/languages/ may read src/policy/, never the
// other way round). A transform never imports another, and a handler in
// transforms/<name>/<language>.ts imports only its own language's adapter.
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** A relative import whose path reaches `target` (`runner/`, `cli.js`, …) at any depth. */
const reaching = (target) => `^\\.{1,2}/(?:.*/)?${target}`;

const LAYERS = {
  cli: { regex: reaching('cli\\.js$'), message: 'Only the entry point knows the command line.' },
  runner: { regex: reaching('runner/'), message: 'The runner calls this layer, not the other way round.' },
  report: { regex: reaching('report/'), message: 'Reports read findings; this layer produces them.' },
  registry: { regex: reaching('registry\\.js$'), message: 'The registry lists transforms; lower layers do not look them up.' },
  transforms: { regex: reaching('transforms/'), message: 'Transforms sit above this layer.' },
  transform: { regex: reaching('(?:transform|jscodeshift)\\.js$'), message: 'The transform contract sits above this layer.' },
  languages: { regex: reaching('languages/'), message: 'The policy decides on strings; it does not read language adapters.' },
  local: { regex: '^\\.', message: 'The bottom layer imports nothing of the project.' },
  fileSystem: {
    regex: '^(?:node:)?(?:fs|child_process)(?:/|$)',
    message: 'Only the runner (and the CLI) touch files or processes; transforms and adapters get text and return edits.',
  },
};

/** no-restricted-imports with these patterns; a file's last matching config sets the whole list. */
const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

const TRANSFORMS = readdirSync(new URL('./transforms/', import.meta.url))
  .filter((file) => file.endsWith('.ts'))
  .map((file) => file.slice(0, -'.ts'.length));

/** Each language's adapter modules in src/languages/. */
const ADAPTERS = {
  js: ['javascript', 'js'],
  python: ['python'],
  json: ['json'],
  yaml: ['yaml'],
  markdown: ['markdown'],
  notebook: ['notebook'],
  toml: ['toml'],
  env: ['env'],
};

/** Handler file names in transforms/<name>/ and the language each one serves. */
const HANDLERS = {
  js: 'js',
  javascript: 'js',
  typescript: 'js',
  python: 'python',
  json: 'json',
  yaml: 'yaml',
  markdown: 'markdown',
  notebook: 'notebook',
  toml: 'toml',
  env: 'env',
};

const ABOVE_TRANSFORMS = [LAYERS.cli, LAYERS.runner, LAYERS.report, LAYERS.registry, LAYERS.fileSystem];

/** A transform's entry file: its own folder of handlers, nothing of another transform. */
const entryRules = (name) => ({
  files: [`transforms/${name}.ts`],
  rules: restrict(...ABOVE_TRANSFORMS, {
    regex: `^\\./(?!${name}/)`,
    message: 'A transform never imports another: what an earlier one decided reaches it through the handler context.',
  }),
});

/** A file in transforms/<name>/: nothing of a transform's entry or of another transform. */
const IN_TRANSFORM_FOLDER = [
  ...ABOVE_TRANSFORMS,
  { regex: '^\\.\\./(?!\\.\\./)', message: 'A handler never imports a transform (its own entry or another).' },
];

const handlersOf = (keep) =>
  Object.entries(HANDLERS)
    .filter(([, language]) => keep(language))
    .map(([handler]) => handler);
const adaptersOf = (keep) =>
  Object.entries(ADAPTERS)
    .filter(([language]) => keep(language))
    .flatMap(([, modules]) => modules);

/** A handler: besides, nothing of another language, neither its handler nor its adapter. */
const handlerRules = ([handler, language]) => {
  const other = (id) => id !== language;
  return {
    files: [`transforms/*/${handler}.ts`],
    rules: restrict(
      ...IN_TRANSFORM_FOLDER,
      { regex: `^\\./(?:${handlersOf(other).join('|')})\\.js$`, message: "A handler never imports another language's handler." },
      {
        regex: reaching(`languages/(?:${adaptersOf(other).join('|')})(?:/|\\.js$)`),
        message: `A ${handler} handler imports only its own language's adapter.`,
      },
    ),
  };
};

export default defineConfig(
  { ignores: ['dist/', 'coverage/', '__testfixtures__/', 'examples/'] },
  js.configs.recommended,
  // no-explicit-any and the no-unsafe-* rules stay on in src/ and transforms/: they mark the
  // untyped AST reads that typed node guards replace.
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', 'vitest.config.ts', 'bin/*.js', 'scripts/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // `_name` marks a parameter a signature needs and the body does not (tsc's noUnused* checks the rest).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['src/**/*.ts', 'transforms/**/*.ts'],
    rules: { 'max-lines': ['error', { max: 400 }] },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // Tests read parsed JSON reports and raw trees to assert on them: a wrong field fails
      // the assertion, so typing every read would add casts and catch nothing.
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // Terminal-output tests match ANSI colour codes, which start with ESC.
      'no-control-regex': 'off',
    },
  },
  { files: ['src/runner/**/*.ts'], rules: restrict(LAYERS.cli) },
  { files: ['src/report/**/*.ts'], rules: restrict(LAYERS.cli, LAYERS.runner, LAYERS.fileSystem) },
  { files: ['src/registry.ts', 'src/transform.ts', 'src/jscodeshift.ts'], rules: restrict(LAYERS.cli, LAYERS.fileSystem) },
  ...TRANSFORMS.map(entryRules),
  { files: ['transforms/*/*.ts'], rules: restrict(...IN_TRANSFORM_FOLDER) },
  ...Object.entries(HANDLERS).map(handlerRules),
  {
    files: ['src/languages/**/*.ts'],
    rules: restrict(...ABOVE_TRANSFORMS, LAYERS.transforms, LAYERS.transform),
  },
  {
    files: ['src/policy/**/*.ts'],
    rules: restrict(...ABOVE_TRANSFORMS, LAYERS.transforms, LAYERS.transform, LAYERS.languages),
  },
  { files: ['src/types.ts', 'src/lazy.ts'], rules: restrict(LAYERS.local, LAYERS.fileSystem) },
);
