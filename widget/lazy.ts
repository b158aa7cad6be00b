// Everything the first paint loads on use, as one module: verification and endpoint, licence card, query window.
export { resolveMark } from './data/resolve';
export { LicenceCard, CARD_CSS, type LicenceCardProps } from './ui/LicenceCard';
export { QueryWindow, QUERY_CSS, pickSites } from './query/QueryWindow';
