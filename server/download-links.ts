/**
 * One-time download links, for hosts where the pane cannot save a file itself: Excel for
 * Mac ignores a blob-URL download (office-js #2700, by design), so the pane asks for a link
 * and opens it in the system browser (Office.context.ui.openBrowserWindow). The browser has
 * no sign-in token, so the link itself is the credential: 192 random bits, good for one
 * download within a few minutes, kept in this instance's memory only (behind a load
 * balancer, route /downloads/ to the instance that made the link: docs/install.md).
 */
import { randomBytes } from 'node:crypto';

export interface LinkedFile {
  bytes: Buffer;
  fileName: string;
  type: string;
}

export const LINK_TTL_MS = 5 * 60_000;
const MAX_LINKS = 200;

export class OneTimeLinks {
  private readonly files = new Map<string, { file: LinkedFile; expires: number }>();

  constructor(
    private readonly ttlMs = LINK_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Keeps `file` and answers the token that fetches it once. */
  put(file: LinkedFile): string {
    this.sweep();
    if (this.files.size >= MAX_LINKS) this.files.delete(this.files.keys().next().value!);
    const token = randomBytes(24).toString('base64url');
    this.files.set(token, { file, expires: this.now() + this.ttlMs });
    return token;
  }

  /** The file, which is forgotten at once; undefined when unknown, used or expired. */
  take(token: string): LinkedFile | undefined {
    const entry = this.files.get(token);
    this.files.delete(token);
    return entry && entry.expires > this.now() ? entry.file : undefined;
  }

  private sweep(): void {
    const now = this.now();
    for (const [token, entry] of this.files) if (entry.expires <= now) this.files.delete(token);
  }
}
