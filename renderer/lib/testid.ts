/**
 * `data-testid` for props objects that antd passes on to an element (okButtonProps, onRow):
 * TypeScript accepts data-* attributes in JSX only, so this spreads them in untyped.
 */
export const testId = (id: string, extra: Record<string, string> = {}): Record<string, never> =>
  ({ 'data-testid': id, ...extra }) as unknown as Record<string, never>;
