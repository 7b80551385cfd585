/** JSON for a `<script type="application/json">`, with "<" escaped so no text can close the element. */
export const jsonForScript = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c');
