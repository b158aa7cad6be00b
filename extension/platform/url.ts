/** URL of a file packaged with the extension (WXT types only list the public files it knows at build time). */
export const extensionUrl = (path: string): string => (browser.runtime.getURL as (p: string) => string)(path);
