/**
 * The web-extension parts Excel writes into a workbook that uses an add-in, so that Excel
 * loads (or offers) the add-in when the file opens and knows which custom functions belong
 * to it. Copied part for part from a workbook Excel saved itself (docs/excel-behaviour.md,
 * "工作簿中的加载项部件"):
 *
 *   _rels/.rels                               + webextensiontaskpanes -> xl/webextensions/taskpanes.xml
 *   xl/webextensions/taskpanes.xml            one task pane (docked right, not shown) -> rId1
 *   xl/webextensions/_rels/taskpanes.xml.rels rId1 -> webextension1.xml
 *   xl/webextensions/webextension1.xml        the add-in's id, version, store and customFunctionIdList
 *   [Content_Types].xml                       an Override for each of the two parts
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type JSZip from 'jszip';

/** Where Excel finds the add-in: a sideloaded manifest (`npm run dev`) or a shared-folder catalog. */
export interface AddinStore {
  /** "developer" for a sideloaded add-in; the catalog's UNC path (\\server\share) for a shared folder. */
  store: string;
  /** MS-OWEXML ST_OsfStoreType: Registry (sideloaded) or FileSystem (a network-share catalog). */
  storeType: 'Registry' | 'FileSystem';
}

/** What Excel itself writes for a sideloaded add-in (the workbook cited in the module comment). */
export const SIDELOADED: AddinStore = { store: 'developer', storeType: 'Registry' };

export interface AddinReference extends AddinStore {
  /** The manifest's <Id>. */
  id: string;
  /** The manifest's <Version>, four parts. */
  version: string;
}

const MANIFEST = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'manifest.xml');

/** The add-in's id and version from manifest.xml, with the given store. */
export async function addinReference(store: AddinStore = SIDELOADED, manifestFile = MANIFEST): Promise<AddinReference> {
  const xml = await readFile(manifestFile, 'utf8');
  const id = /<Id>([^<]+)<\/Id>/.exec(xml)?.[1];
  const version = /<Version>([^<]+)<\/Version>/.exec(xml)?.[1];
  if (!id || !version) throw new Error(`${manifestFile} has no <Id> or <Version>`);
  return { id, version, ...store };
}

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** The instance id of the extension in this workbook (any GUID; Excel makes one per insertion). */
const INSTANCE_ID = '{5C0E6F0B-7D1E-4C57-9A55-ED0C0A11B0E1}';
const CUSTOM_FUNCTIONS_EXT = '{7C84B067-C214-45C3-A712-C9D94CD141B2}';

export function webExtensionXml(ref: AddinReference, customFunctionIds: readonly string[]): string {
  const ids = customFunctionIds.map((f) => `<we:customFunctionIds>${escapeXml(f)}</we:customFunctionIds>`).join('');
  return (
    XML_HEAD +
    `<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="${INSTANCE_ID}">` +
    `<we:reference id="${escapeXml(ref.id)}" version="${escapeXml(ref.version)}" store="${escapeXml(ref.store)}" storeType="${ref.storeType}"/>` +
    '<we:alternateReferences/><we:properties/><we:bindings/>' +
    '<we:snapshot xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/>' +
    `<we:extLst><a:ext xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" uri="${CUSTOM_FUNCTIONS_EXT}">` +
    `<we:customFunctionIdList>${ids}</we:customFunctionIdList></a:ext></we:extLst></we:webextension>`
  );
}

export const TASKPANES_XML =
  XML_HEAD +
  '<wetp:taskpanes xmlns:wetp="http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11">' +
  '<wetp:taskpane dockstate="right" visibility="0" width="350" row="0">' +
  '<wetp:webextensionref xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/>' +
  '</wetp:taskpane></wetp:taskpanes>';

const TASKPANES_RELS =
  XML_HEAD +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.microsoft.com/office/2011/relationships/webextension" Target="webextension1.xml"/>' +
  '</Relationships>';

export const WEBEXTENSION_CONTENT_TYPES = {
  '/xl/webextensions/taskpanes.xml': 'application/vnd.ms-office.webextensiontaskpanes+xml',
  '/xl/webextensions/webextension1.xml': 'application/vnd.ms-office.webextension+xml',
} as const;

export const TASKPANES_RELATIONSHIP = 'http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes';

/** Adds the four parts and their registrations to an .xlsx package. */
export async function addWebExtensionParts(zip: JSZip, ref: AddinReference, customFunctionIds: readonly string[]): Promise<void> {
  zip.file('xl/webextensions/webextension1.xml', webExtensionXml(ref, customFunctionIds));
  zip.file('xl/webextensions/taskpanes.xml', TASKPANES_XML);
  zip.file('xl/webextensions/_rels/taskpanes.xml.rels', TASKPANES_RELS);
  const overrides = Object.entries(WEBEXTENSION_CONTENT_TYPES)
    .map(([part, type]) => `<Override PartName="${part}" ContentType="${type}"/>`)
    .join('');
  const types = await zip.file('[Content_Types].xml')!.async('string');
  zip.file('[Content_Types].xml', types.replace('</Types>', `${overrides}</Types>`));
  const rels = await zip.file('_rels/.rels')!.async('string');
  zip.file('_rels/.rels', rels.replace('</Relationships>', `<Relationship Id="rIdEduTaskpanes" Type="${TASKPANES_RELATIONSHIP}" Target="xl/webextensions/taskpanes.xml"/></Relationships>`));
}
