/**
 * Which of a style's fonts this machine has: the first of the named font and its
 * fallbacks that the browser can render (the pane runs on the machine that runs Excel, or
 * in the same browser as Excel on the web). A font is present when text set in it measures
 * differently from the same text in each generic family; if none is found, the first name
 * is kept, so a machine with the official fonts still prints in them.
 */
const SAMPLE = '县域教育规划永和九年AaBbWw0123';
const GENERICS = ['monospace', 'serif', 'sans-serif'];
const cache = new Map<string, boolean>();

function installed(font: string): boolean {
  const known = cache.get(font);
  if (known !== undefined) return known;
  let found = false;
  try {
    const ctx = document.createElement('canvas').getContext('2d');
    if (ctx) {
      found = GENERICS.some((generic) => {
        ctx.font = `32px ${generic}`;
        const base = ctx.measureText(SAMPLE).width;
        ctx.font = `32px "${font}", ${generic}`;
        return ctx.measureText(SAMPLE).width !== base;
      });
    }
  } catch {
    found = false;
  }
  cache.set(font, found);
  return found;
}

export function pickInstalledFont(name: string, fallbacks: readonly string[]): string {
  return [name, ...fallbacks].find(installed) ?? name;
}
