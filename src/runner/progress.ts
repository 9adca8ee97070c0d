/** A one-line progress bar on stderr, for terminal runs over many files. */
const MIN_FILES = 200;
const WIDTH = 24;

export class ProgressBar {
  private readonly started = Date.now();
  private shown = false;
  private lastDraw = 0;

  constructor(private readonly write: (text: string) => void) {}

  update(done: number, total: number, changed: number): void {
    if (total <= MIN_FILES) return;
    const now = Date.now();
    if (done < total && now - this.lastDraw < 100) return;
    this.lastDraw = now;
    const filled = Math.round((done / total) * WIDTH);
    const seconds = ((now - this.started) / 1000).toFixed(1);
    this.write(`\r[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${done}/${total} files, ${changed} changed, ${seconds}s`);
    this.shown = true;
  }

  finish(): void {
    if (this.shown) this.write('\r\x1b[K');
  }
}
