export * from './base64url';
export * from './sha256';
export * from './ed25519';
