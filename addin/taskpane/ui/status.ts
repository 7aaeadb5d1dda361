/**
 * A view's status line: what is happening (with a progress bar while it works), what
 * came of it, or what went wrong and what to do, read out by screen readers (aria-live).
 * While busy, the view's buttons are disabled so nothing is started twice.
 */
import { wordsOf as clientWords } from '../../../client/index.js';
import { bi, bilingual, h } from './dom.js';

export interface Words {
  zh: string;
  en: string;
}

/** The words for any failure: the service's or the workbook's (both carry both languages), or Excel's own. */
export function wordsOf(err: unknown): Words & { items: Words[] } {
  const said = clientWords(err);
  if (said) return said;
  const message = err instanceof Error ? err.message : String(err);
  return {
    zh: `Excel 未能完成操作：${message}。请关闭正在编辑的单元格（按 Enter 或 Esc）后重试`,
    en: `Excel could not complete the action: ${message}. Finish editing any cell (press Enter or Esc) and try again`,
    items: [],
  };
}

export class Status {
  private readonly text: HTMLElement;
  private readonly bar: HTMLElement;
  private readonly fill: HTMLElement;
  private readonly list: HTMLUListElement;
  private started = 0;

  constructor(
    readonly root: HTMLElement,
    private readonly controls: () => Iterable<HTMLButtonElement | HTMLInputElement | HTMLSelectElement>,
  ) {
    root.classList.add('status');
    this.text = h('p', { className: 'status-text', attrs: { role: 'status', 'aria-live': 'polite' } });
    this.fill = h('div', { className: 'progress-fill' });
    this.bar = h('div', { className: 'progress', attrs: { role: 'progressbar', 'aria-valuemin': '0', 'aria-valuemax': '100', hidden: '' } }, this.fill);
    this.list = h('ul', { className: 'issues', attrs: { 'aria-live': 'polite' } });
    root.replaceChildren(this.text, this.bar, this.list);
  }

  private setControls(disabled: boolean): void {
    for (const c of this.controls()) c.disabled = disabled;
  }

  busy(zh: string, en: string): void {
    this.started = Date.now();
    this.root.dataset.state = 'busy';
    this.root.setAttribute('aria-busy', 'true');
    this.text.setAttribute('role', 'status');
    bilingual(this.text, zh, en);
    this.text.prepend(h('span', { className: 'spinner', attrs: { 'aria-hidden': 'true' } }));
    this.bar.hidden = false;
    this.bar.classList.add('indeterminate');
    this.bar.removeAttribute('aria-valuenow');
    this.fill.style.width = '';
    this.list.replaceChildren();
    this.setControls(true);
  }

  progress(done: number, total: number): void {
    if (total <= 0) return;
    const pct = Math.round((100 * done) / total);
    this.bar.classList.remove('indeterminate');
    this.bar.setAttribute('aria-valuenow', String(pct));
    this.fill.style.width = `${pct}%`;
  }

  private finish(state: 'ok' | 'bad' | 'idle'): void {
    this.root.dataset.state = state;
    this.text.setAttribute('role', 'status');
    this.root.removeAttribute('aria-busy');
    this.bar.hidden = true;
    this.setControls(false);
  }

  ok(zh: string, en: string, notes: Words[] = []): void {
    this.finish('ok');
    bilingual(this.text, zh, en);
    this.showItems(notes);
  }

  info(zh: string, en: string): void {
    this.finish('idle');
    bilingual(this.text, zh, en);
    this.list.replaceChildren();
  }

  error(err: unknown, items?: (HTMLElement | Words)[]): void {
    const w = wordsOf(err);
    this.finish('bad');
    bilingual(this.text, w.zh, w.en);
    this.showItems(items ?? w.items);
    this.text.setAttribute('role', 'alert');
  }

  private showItems(items: (HTMLElement | Words)[]): void {
    this.list.replaceChildren(...items.map((i) => (i instanceof HTMLElement ? h('li', {}, i) : bi('li', i.zh, i.en))));
  }

  /** Runs `work` with the busy state on; ok/error are the caller's. Answers undefined on failure (shown). */
  async run<T>(zh: string, en: string, work: () => Promise<T>): Promise<T | undefined> {
    this.busy(zh, en);
    try {
      return await work();
    } catch (err) {
      this.error(err);
      return undefined;
    }
  }

  /** How long the current work has taken, ms. */
  elapsed(): number {
    return Date.now() - this.started;
  }
}
