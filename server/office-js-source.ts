/**
 * Where the add-in's pages load office.js from: the deployment chooses (EDU_OFFICE_JS).
 *
 *   local      the copy the service serves from the pinned @microsoft/office-js package
 *              (default; the only choice on an air-gapped intranet)
 *   microsoft  Microsoft's CDN, the reference Microsoft documents and AppSource requires
 *   china      the CDN of Microsoft 365 operated by 21Vianet, for tenants in that cloud
 *   https://…  any other copy the county hosts
 *
 * What Microsoft supports for each is in docs/install.md ("office.js 从哪里加载").
 */
export const OFFICE_JS_SOURCES = {
  local: 'office-js/office.js',
  microsoft: 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js',
  china: 'https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js',
} as const;

export type OfficeJsSource = keyof typeof OFFICE_JS_SOURCES;

/** The script address for a setting, or undefined when the setting is neither a name above nor an https URL. */
export function officeJsUrl(setting: string): string | undefined {
  if (setting in OFFICE_JS_SOURCES) return OFFICE_JS_SOURCES[setting as OfficeJsSource];
  return /^https:\/\/[^\s"'<>]+\.js$/.test(setting) ? setting : undefined;
}

/** The page with its office.js reference pointed at `url` (the pages reference the local copy). */
export function withOfficeJs(html: string, url: string): string {
  return html.split(`src="${OFFICE_JS_SOURCES.local}"`).join(`src="${url}"`);
}
