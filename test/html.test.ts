/**
 * The HTML report: escaping and self-containment checked on its text, then opened in a real
 * headless browser (Debian's chromium, driven by playwright-core): no console error, no
 * request, the filters change what is shown, a hostile file name stays inert, and a
 * screenshot lands in test-output/. Without chromium the browser tests are skipped locally
 * and fail on CI (CI=true), which installs it.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { AGENT, cli, project } from './e2e.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OUTPUT = join(import.meta.dirname, '..', 'test-output');
const HOSTILE = '<img src=x onerror=alert(1)>.ts';

const SAMPLED = `import OpenAI from "openai";
const client = new OpenAI();
export const reply = (text: string) =>
  client.chat.completions.create({ model: "gpt-5.4", temperature: 0.7, messages: [{ role: "user", content: text }] });
`;

/** A small monorepo: every status, two packages, a kept site and a file named to inject HTML. */
function reviewedProject(): string {
  const root = project(
    {
      'package.json': JSON.stringify({ name: 'acme', private: true, workspaces: ['packages/*'] }),
      'packages/api/package.json': JSON.stringify({ name: '@acme/api' }),
      'packages/api/src/agent.ts': AGENT,
      'packages/api/src/reply.ts': SAMPLED,
      'packages/api/test/agent.test.ts':
        'it("pins", () => expect(pick()).toBe("gpt-5.4"));\nit("old", () => expect(pick()).toBe("gpt-4.1"));\n',
      'packages/web/package.json': JSON.stringify({ name: '@acme/web' }),
      'packages/web/src/chat.ts': AGENT.replace('"gpt-5.4"', '"gpt-4o"'),
      [`packages/web/src/${HOSTILE}`]: 'export const route = { model: "gpt-4o-mini" };\nexport const main = { model: "gpt-5.4" };\n',
    },
    'html',
  );
  expect(
    cli(root, 'decide', 'keep', 'packages/api/test/agent.test.ts:2', '--by', 'Reviewer', '--note', 'the eval compares against 4.1').code,
  ).toBe(0);
  return root;
}

function writeReport(name: string): { file: string; root: string } {
  const root = reviewedProject();
  mkdirSync(OUTPUT, { recursive: true });
  const file = join(OUTPUT, name);
  const run = cli(root, 'upgrade', '.', '--dry', '--report', file);
  expect(run.code, run.stderr).toBe(0);
  return { file, root };
}

describe('HTML report text', () => {
  const { file } = writeReport('report-text.html');
  const html = readFileSync(file, 'utf8');

  test('escapes every string from the target: a file name cannot open an element', () => {
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;.ts');
    // In a link it is percent-encoded, so it can neither leave the attribute nor name a scheme.
    expect(html).toContain('%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E.ts');
  });

  test('is self-contained: no external URL, and a policy that allows only its own style and script', () => {
    expect(html).not.toMatch(/\b(?:src|href)="(?:https?:)?\/\//);
    expect(html).toMatch(
      /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-[^']+'; script-src 'sha256-[^']+'/,
    );
    expect(html.match(/<script>/g)).toHaveLength(1);
  });
});

const present = existsSync(CHROMIUM);

describe.skipIf(!present && process.env.CI !== 'true')('HTML report in headless chromium', () => {
  let context: BrowserContext;

  beforeAll(async () => {
    expect(present, `${CHROMIUM} is missing (apt-get install -y chromium)`).toBe(true);
    context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'gpt55-chromium-')), {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      viewport: { width: 1280, height: 900 },
    });
  }, 60_000);

  afterAll(async () => {
    await context?.close();
  });

  /** Opens a report, recording console errors, page errors, dialogs and every request that is not the file itself. */
  async function open(file: string): Promise<{ page: Page; problems: string[] }> {
    const page = await context.newPage();
    const problems: string[] = [];
    const url = pathToFileURL(file).href;
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('dialog', (dialog) => {
      problems.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on('request', (request) => {
      if (request.url() !== url && !request.url().startsWith('data:')) problems.push(`request: ${request.url()}`);
    });
    await page.goto(url);
    await page.waitForLoadState('load');
    return { page, problems };
  }

  const visibleSites = (page: Page): Promise<number> => page.locator('tr.site:visible').count();

  test('opens without console errors, the filters change what is shown, and a screenshot is written', async () => {
    const { file } = writeReport('report.html');
    const { page, problems } = await open(file);
    const all = await visibleSites(page);
    expect(all).toBeGreaterThanOrEqual(6);
    expect(await page.locator('#shown').textContent()).toBe(String(all));

    await page.selectOption('select[data-filter="status"]', 'blocked');
    expect(await visibleSites(page)).toBe(1);
    expect(await page.locator('details.group:visible').count()).toBe(1);
    expect(await page.locator('#shown').textContent()).toBe('1');

    await page.selectOption('select[data-filter="status"]', '');
    await page.selectOption('select[data-filter="package"]', '@acme/web');
    const web = await visibleSites(page);
    expect(web).toBeGreaterThan(0);
    expect(web).toBeLessThan(all);
    for (const location of await page.locator('tr.site:visible a.loc').allTextContents()) expect(location).toMatch(/^packages\/web\//);

    await page.selectOption('select[data-filter="package"]', '');
    await page.selectOption('select[data-filter="decision"]', 'kept');
    expect(await page.locator('tr.site:visible a.loc').allTextContents()).toEqual([
      expect.stringMatching(/^packages\/api\/test\/agent\.test\.ts:2:\d+$/),
    ]);
    await page.click('#reset');
    expect(await visibleSites(page)).toBe(all);

    // Ticking a checklist box writes the decide command for it.
    await page.locator('#checklist input').first().check();
    expect(await page.inputValue('#command')).toMatch(/^gpt55-codemod decide upgrade '[^']+:\d+'$/);

    // Each changed file's diff has its sites beside it.
    expect(await page.locator('#changes article.file').count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('#changes article.file aside li').count()).toBeGreaterThanOrEqual(2);

    await page.locator('#checklist input').first().uncheck();
    await page.screenshot({ path: join(OUTPUT, 'html-report.png'), fullPage: true });
    expect(existsSync(join(OUTPUT, 'html-report.png'))).toBe(true);
    expect(problems).toEqual([]);
  }, 60_000);

  test('a hostile file name stays text: no element, no dialog, no request', async () => {
    const { file } = writeReport('report-hostile.html');
    const { page, problems } = await open(file);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.getByText(HOSTILE, { exact: false }).count()).toBeGreaterThan(0);
    // Give an onerror handler, had one been created, the time to fire.
    await page.waitForTimeout(200);
    expect(problems).toEqual([]);
  }, 60_000);
});
