/**
 * The few browser APIs the page's script uses, typed here rather than by TypeScript's "dom" lib,
 * which would make `document` look available to every file of the CLI.
 */
export interface PageElement {
  textContent: string | null;
  value?: string;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): ArrayLike<PageElement>;
  replaceChildren(...nodes: PageElement[]): void;
  append(...nodes: (PageElement | string)[]): void;
  after(...nodes: (PageElement | string)[]): void;
  nextElementSibling: PageElement | null;
  addEventListener(type: string, listener: () => void): void;
  hidden: boolean;
}

export interface PageDocument {
  getElementById(id: string): PageElement | null;
  querySelectorAll(selector: string): ArrayLike<PageElement>;
  createElement(tag: string): PageElement;
  createElementNS(ns: string, tag: string): PageElement;
}

interface PageGlobal {
  document?: PageDocument;
  location?: { search: string };
  setInterval?(callback: () => void, ms: number): unknown;
}

export const page = globalThis as unknown as PageGlobal;

/** A JSON data block of the page (`<script type="application/json" id=…>`), or undefined. */
export function readJson<T>(id: string): T | undefined {
  const text = page.document?.getElementById(id)?.textContent;
  if (!text) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}
