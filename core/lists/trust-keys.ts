// The list importer's key port is core/trust's one key lookup; this name stays for existing importers.
export { listKeys as trustKeys } from '../trust/find-key';
