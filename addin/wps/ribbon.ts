/**
 * The ribbon's callbacks (ribbon.xml names them ribbon.OnAddinLoad, ribbon.OnAction,
 * ribbon.GetImage, as wpsjs 2.2.3's et templates do): 打开面板 shows the task pane,
 * 重新计算 forgets every answer and recalculates, 函数说明 opens the function reference.
 */
import type { AnswerBoard } from './answer-board.js';
import type { WpsApplication } from './wps-api.js';
import { RIBBON_BUTTONS } from './wps-files.js';

/** PluginStorage key of the task pane's id: the pane is created once and then shown or hidden. */
export const PANE_ID_KEY = 'edu.taskpaneId';

export interface RibbonDeps {
  app: WpsApplication;
  board: AnswerBoard;
  /** Forgets the batching client's cached results too. */
  clearCache(): void;
  /** The add-in's folder, e.g. "http://edu.example.gov.cn/wps/" (ends in /). */
  base: string;
}

export interface RibbonCallbacks {
  OnAddinLoad(ribbonUI: unknown): boolean;
  OnAction(control: { Id: string }): boolean;
  GetImage(control: { Id: string }): string;
}

export function ribbonCallbacks({ app, board, clearCache, base }: RibbonDeps): RibbonCallbacks {
  const togglePane = () => {
    const id = app.PluginStorage.getItem(PANE_ID_KEY);
    if (typeof id === 'number') {
      const pane = app.GetTaskPane(id);
      pane.Visible = !pane.Visible;
      return;
    }
    const pane = app.CreateTaskPane(`${base}taskpane.html`, '县域教育规划');
    app.PluginStorage.setItem(PANE_ID_KEY, pane.ID);
    pane.Visible = true;
  };
  const actions: Record<string, () => void> = {
    eduOpenPane: togglePane,
    eduRecalculate: () => {
      board.clear();
      clearCache();
      app.CalculateFull();
    },
    eduHelp: () => app.ShowDialog(`${base}help.html`, 'EDU 函数说明 · Function reference', 720, 640, false),
  };
  return {
    OnAddinLoad: () => true,
    OnAction: (control) => {
      actions[control.Id]?.();
      return true;
    },
    GetImage: (control) => RIBBON_BUTTONS.find((b) => b.id === control.Id)?.image ?? RIBBON_BUTTONS[0].image,
  };
}
