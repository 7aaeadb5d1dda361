/**
 * The pane's sections as ARIA tabs: arrow keys move between tabs, Home/End jump, Enter or
 * Space (a button's own behaviour) opens one; only the open tab is in the tab order.
 */
export function wireTabs(tablist: HTMLElement, onOpen: (panelId: string) => void): void {
  const tabs = Array.from(tablist.querySelectorAll<HTMLButtonElement>('[role="tab"]'));
  const open = (tab: HTMLButtonElement, focus: boolean) => {
    for (const t of tabs) {
      const selected = t === tab;
      t.setAttribute('aria-selected', String(selected));
      t.tabIndex = selected ? 0 : -1;
      const panel = document.getElementById(t.getAttribute('aria-controls') ?? '');
      if (panel) panel.hidden = !selected;
    }
    if (focus) tab.focus();
    onOpen(tab.getAttribute('aria-controls') ?? '');
  };
  tabs.forEach((tab, i) => {
    tab.addEventListener('click', () => open(tab, false));
    tab.addEventListener('keydown', (e: KeyboardEvent) => {
      const to = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? tabs.length - 1 : undefined;
      if (to === undefined) return;
      e.preventDefault();
      open(tabs[(to + tabs.length) % tabs.length]!, true);
    });
  });
  open(tabs.find((t) => t.getAttribute('aria-selected') === 'true') ?? tabs[0]!, false);
}
