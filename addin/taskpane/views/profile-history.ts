/**
 * 版本历史: every saved version of the county's profile (GET …/versions: number, who saved
 * it, when), newest first. 查看 shows one version's entries as saved (GET …?version=n);
 * an administrator may then start the draft from that version (the save still names the
 * latest version, so it becomes a new version and undoes nobody's save unseen).
 */
import type { RouteAnswer } from '../../../contracts/routes.js';
import type { PolicyProfile } from '../../../formulas/core/profiles.js';
import { shownValue } from '../logic/profile-edit.js';
import { $, bilingual, h, localTime } from '../ui/dom.js';
import { Status } from '../ui/status.js';
import type { ViewContext } from './context.js';

type VersionInfo = RouteAnswer<'profileVersions'>['versions'][number];

export interface HistoryOptions {
  /** Shows the "start from this version" button (administrators). */
  canWrite(): boolean;
  startFrom(version: PolicyProfile): void;
}

export function profileHistory(ctx: ViewContext, options: HistoryOptions): { load(id: string): Promise<void> } {
  const status = new Status($('pf-history-status'), () => []);
  let shownId = '';

  function showVersion(profile: PolicyProfile, info: VersionInfo): void {
    const box = $('pf-version');
    box.hidden = false;
    bilingual($('pf-version-title'), `第 ${info.version} 版 · ${info.author} · ${localTime(info.createdAt)} ·《${profile.title.zh}》`, `Version ${info.version} · ${info.author} · ${localTime(info.createdAt)}`);
    const rows = Object.keys(profile.values)
      .sort()
      .flatMap((key) => profile.values[key]!.map((e) => h('tr', {}, h('td', {}, h('code', { text: key })), h('td', { text: shownValue(e) }), h('td', { className: 'nowrap', text: e.effective }), h('td', { text: `${e.source.document}《${e.source.title}》` }))));
    $('pf-version-table').querySelector('tbody')!.replaceChildren(...rows);
    const start = $<HTMLButtonElement>('pf-version-start');
    start.hidden = !options.canWrite();
    start.onclick = () => options.startFrom(profile);
  }

  async function view(info: VersionInfo): Promise<void> {
    const profile = await status.run(`正在读取第 ${info.version} 版…`, `Reading version ${info.version}…`, () => ctx.api.call('profile', { params: { id: shownId }, query: { version: info.version } }));
    if (!profile) return;
    showVersion(profile, info);
    status.ok(`第 ${info.version} 版如下`, `Version ${info.version} is shown below`);
  }

  async function load(id: string): Promise<void> {
    shownId = id;
    $('pf-version').hidden = true;
    const answer = await status.run('正在读取版本历史…', 'Reading the version history…', () => ctx.api.call('profileVersions', { params: { id } }));
    if (!answer) return;
    const versions = [...answer.versions].sort((a, b) => b.version - a.version);
    $('pf-history-empty').hidden = versions.length > 0;
    $('pf-history')
      .querySelector('tbody')!
      .replaceChildren(
        ...versions.map((v) => {
          const button = h('button', { className: 'btn btn-small', attrs: { type: 'button', 'aria-label': `查看第 ${v.version} 版 / View version ${v.version}` } }, '查看 ', h('span', { className: 'en', text: 'View' }));
          button.addEventListener('click', () => void view(v));
          return h('tr', {}, h('td', { text: String(v.version) }), h('td', { text: v.author }), h('td', { className: 'nowrap', text: localTime(v.createdAt) }), h('td', {}, button));
        }),
      );
    status.ok(`共 ${versions.length} 个版本`, `${versions.length} version${versions.length === 1 ? '' : 's'}`);
  }

  return { load };
}
