// Everything the first paint loads on use, as one module: verification and endpoint, query window, licence card.
// Export order is module order in the chunk; this one compresses best (the gzip size varies by 600 bytes with it).
export { resolveMark } from './data/resolve';
export { QueryWindow, QUERY_CSS, pickSites } from './query/QueryWindow';
export { LicenceCard, showCard, focusedControl, CARD_CSS, type LicenceCardProps } from './ui/LicenceCard';
