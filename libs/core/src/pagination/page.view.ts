import type { Type } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';

const pages = new Map<Type<unknown>, Type<unknown>>();
const names = new Map<string, Type<unknown>>();

/**
 * The documented `{ items, nextCursor }` page of `item` (api.md, Conventions), named
 * `<Item>PageView` (`AgreementSummaryView` → `AgreementSummaryPageView`), one class per item type.
 * Two item types that would give one name are refused when the module loads: OpenAPI keys schemas
 * by name, and the second would silently replace the first.
 */
export function PageView<T>(item: Type<T>): Type<{ items: T[]; nextCursor: string | null }> {
  const known = pages.get(item);
  if (known) return known as Type<{ items: T[]; nextCursor: string | null }>;
  const name = `${item.name.replace(/View$/, '')}PageView`;
  if (names.has(name)) throw new Error(`PageView: ${name} already names the page of another class`);
  class Page {
    @ApiProperty({ type: [item] }) items: T[];
    @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last page' }) nextCursor: string | null;
  }
  Object.defineProperty(Page, 'name', { value: name });
  pages.set(item, Page);
  names.set(name, Page);
  return Page;
}
