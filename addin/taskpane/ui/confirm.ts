/**
 * An in-pane confirmation (Office add-ins cannot use window.confirm): a dialog that lists
 * exactly what will happen, focuses the safe choice, answers Esc as "cancel", and keeps Tab
 * inside itself until answered.
 */
import { bi, h } from './dom.js';

export function confirmInPane(host: HTMLElement, title: { zh: string; en: string }, body: HTMLElement, confirmLabel: { zh: string; en: string }): Promise<boolean> {
  return new Promise((resolve) => {
    const previous = document.activeElement as HTMLElement | null;
    const ok = bi('button', confirmLabel.zh, confirmLabel.en, 'btn btn-danger') as HTMLButtonElement;
    const cancel = bi('button', '取消', 'Cancel', 'btn') as HTMLButtonElement;
    ok.type = 'button';
    cancel.type = 'button';
    const heading = bi('h3', title.zh, title.en);
    heading.id = `${host.id}-title`;
    const dialog = h('div', { className: 'confirm', attrs: { role: 'alertdialog', 'aria-modal': 'true', 'aria-labelledby': heading.id } }, heading, body, h('div', { className: 'row' }, ok, cancel));
    const close = (answer: boolean) => {
      host.replaceChildren();
      host.hidden = true;
      previous?.focus();
      resolve(answer);
    };
    ok.addEventListener('click', () => close(true));
    cancel.addEventListener('click', () => close(false));
    dialog.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        close(false);
      } else if (e.key === 'Tab') {
        e.preventDefault();
        (document.activeElement === ok ? cancel : ok).focus();
      }
    });
    host.hidden = false;
    host.replaceChildren(dialog);
    cancel.focus();
  });
}
