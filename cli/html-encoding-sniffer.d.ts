// Types for html-encoding-sniffer 6 (the package ships none): the HTML standard's encoding sniffing algorithm.
declare module 'html-encoding-sniffer' {
  /** Returns the canonical WHATWG encoding name for HTML bytes: BOM, then transport label, then the <meta> prescan. */
  export default function sniffHtmlEncoding(
    bytes: Uint8Array,
    options?: { xml?: boolean; transportLayerEncodingLabel?: string; defaultEncoding?: string },
  ): string;
}
