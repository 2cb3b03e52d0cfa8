// Small accessors for the Graph client's middleware Context, whose headers we always keep as a plain record.
import type { Context } from '@microsoft/microsoft-graph-client';

export function requestUrl(context: Context): string {
  return typeof context.request === 'string' ? context.request : context.request.url;
}

export function requestMethod(context: Context): string {
  return (context.options?.method ?? 'GET').toUpperCase();
}

export function setRequestHeader(context: Context, name: string, value: string): void {
  context.options ??= {};
  context.options.headers = { ...(context.options.headers as Record<string, string> | undefined), [name]: value };
}
