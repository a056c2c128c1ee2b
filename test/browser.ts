// The browser of the tests that look at what a user sees (the HTML map, Mermaid's own rendering):
// Debian's chromium (.ci/run installs it when absent), driven headless by playwright-core. Where no
// chromium is installed, those tests skip with a message; in CI (`CI` set) they fail instead.
// The functions the tests run in the page (page.evaluate) are typed against the DOM:
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";

/** Where Debian's `chromium` package puts the browser. */
export const CHROMIUM = "/usr/bin/chromium";

const INSTALLED = existsSync(CHROMIUM);
const IN_CI = Boolean(process.env.CI);

/**
 * Whether the browser tests run: chromium is installed, or we are in CI (where its absence is a
 * failure of `launch()`, not a reason to skip). Use as `describe.skipIf(!BROWSER)(BROWSER_TITLE(…))`.
 */
export const BROWSER = INSTALLED || IN_CI;

const WHY_SKIPPED = `no browser at ${CHROMIUM} (apt-get install chromium): browser tests skipped`;
if (!BROWSER) console.warn(`journey tests: ${WHY_SKIPPED}`);

/** A describe title that says, when the browser tests are skipped, why. */
export const browserTitle = (title: string): string =>
  BROWSER ? title : `${title} (skipped: ${WHY_SKIPPED})`;

/**
 * The flags this machine's chromium needs headless (no sandbox as root, no GPU) and the ones that
 * keep it offline and quiet: no QUIC, no first-run, background, component-update or sync traffic.
 * Playwright adds `--headless` and a new empty `--user-data-dir` itself (it refuses one in `args`).
 */
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Starts chromium headless; close it with `browser.close()` (one browser per test file). */
export async function launch(): Promise<Browser> {
  if (!INSTALLED) {
    throw new Error(
      `no browser at ${CHROMIUM}: the browser tests need Debian's chromium in CI ` +
        "(.ci/run installs it: apt-get install -y --no-install-recommends chromium)",
    );
  }
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
}

/** Runs `use` with a browser launched for it, and closes the browser whatever happens. */
export async function withBrowser<T>(use: (browser: Browser) => Promise<T>): Promise<T> {
  const browser = await launch();
  try {
    return await use(browser);
  } finally {
    await browser.close();
  }
}
