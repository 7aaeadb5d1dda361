/**
 * The words a school's type cell may use, shared by the service's plan schema and the task
 * pane's column mapping. This module imports nothing, so the pane bundle stays free of zod.
 */
export type SchoolRole = 'sending' | 'receiving';

/** Sending: urban / high-quality schools that must rotate teachers out; receiving: rural / weaker schools. */
export const schoolRoleAliases: Readonly<Record<string, SchoolRole>> = {
  sending: 'sending',
  send: 'sending',
  urban: 'sending',
  城镇: 'sending',
  城区: 'sending',
  县城: 'sending',
  优质: 'sending',
  派出: 'sending',
  派出学校: 'sending',
  receiving: 'receiving',
  receive: 'receiving',
  rural: 'receiving',
  乡村: 'receiving',
  农村: 'receiving',
  薄弱: 'receiving',
  接收: 'receiving',
  接收学校: 'receiving',
};
