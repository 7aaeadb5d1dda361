/**
 * A real spreadsheet program opens every exported form: LibreOffice (when installed)
 * prints each to PDF and the text of the pages is checked: title, key numbers, and the
 * header repeated at the top of page 2 of the long form. On a developer's machine without
 * LibreOffice or poppler's pdftotext it is skipped; in CI (CI=true, where .ci/run installs
 * them) it always runs, so a missing install fails loudly. The PNGs in docs/forms come from the same path
 * (render-previews.ts).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasProgram } from '../../helpers/system-programs.js';
import { renderPdfs } from './render-previews.js';

const run = promisify(execFile);
const PDFTOTEXT = '/usr/bin/pdftotext';

async function pageText(pdf: string, page?: number): Promise<string> {
  const range = page ? ['-f', String(page), '-l', String(page)] : [];
  const { stdout } = await run(PDFTOTEXT, [...range, '-layout', pdf, '-']);
  return stdout;
}

describe.skipIf(!hasProgram('libreoffice', 'pdftotext'))('the forms printed by LibreOffice', () => {
  let dir: string;
  let pdf: (id: string) => string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'edu-lo-'));
    await renderPdfs(dir);
    pdf = (id) => path.join(dir, `${id}.pdf`);
  }, 120_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('学区教育事务中心岗位设置表: one page with the seed’s header and the total 48', async () => {
    const text = await pageText(pdf('district-centre-posts'));
    expect(text).toContain('学区教育事务中心岗位设置表');
    for (const header of [/岗\s*位\s*设\s*置/, /单位名称/, /书记兼主任/, /副主任及专干/, /小计/]) expect(text).toMatch(header);
    expect(text).toMatch(/第一学区教育事务中心\s+1\s+8\s+9/);
    expect(text).toMatch(/合\s*计\s+48/);
    expect(text).toContain('第 1 页，共 1 页');
  });

  it('公用经费分配表: the total row reads 1,600,000.00', async () => {
    expect(await pageText(pdf('public-funds'))).toMatch(/合\s*计\s+48\s+800,000\.00\s+480,000\.00\s+320,000\.00\s+1,600,000\.00/);
  });

  it('the rotation and balance forms print their verdict lines', async () => {
    expect(await pageText(pdf('teacher-rotation'))).toContain('交流 8 人，其中骨干教师 2 人，占 25.0%');
    const balance = await pageText(pdf('balance-indicators'));
    expect(balance).toContain('未达标');
    expect(balance).toContain('≤0.45：达标');
  });

  it('重点任务分工及进展表 runs to several pages with the header repeated on each', async () => {
    const first = await pageText(pdf('key-tasks'), 1);
    const second = await pageText(pdf('key-tasks'), 2);
    // Cells wrap, so only the start of a task is sure to sit on one printed line.
    expect(first).toContain('深入学习贯彻');
    expect(second).toMatch(/序号\s+目标任务\s+具体要求\s+进展情况\s+牵头部门\s+责任部门/);
    expect(second).not.toContain('深入学习贯彻');
  });
});
