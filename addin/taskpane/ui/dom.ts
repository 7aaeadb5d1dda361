/** Small DOM helpers: the pane is plain DOM, no framework. */

export const $ = <T extends HTMLElement = HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`the pane has no element #${id}`);
  return el as T;
};

/** Chinese text, then the English in a quieter span: the pane's bilingual convention. */
export function bilingual(el: HTMLElement, zh: string, en: string): void {
  el.textContent = `${zh} `;
  const span = document.createElement('span');
  span.className = 'en';
  span.textContent = en;
  el.appendChild(span);
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { className?: string; text?: string; attrs?: Record<string, string> } = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.className) el.className = props.className;
  if (props.text !== undefined) el.textContent = props.text;
  for (const [k, v] of Object.entries(props.attrs ?? {})) el.setAttribute(k, v);
  el.append(...children);
  return el;
}

/** An element holding "中文 English" with the English quieter. */
export function bi(tag: keyof HTMLElementTagNameMap, zh: string, en: string, className?: string): HTMLElement {
  const el = document.createElement(tag);
  if (className) el.className = className;
  bilingual(el, zh, en);
  return el;
}

export function option(value: string, label: string): HTMLOptionElement {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = label;
  return o;
}

/** Local date and time for a list: 2023-08-17 14:05. */
export function localTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
