{
  "format": "xinbiao-list-sig/1",
  "alg": "Ed25519-SHA256",
  "keyId": "demo-credit-office-2026",
  "sha256": "b21366bde0a7aaa3e7cd0390c4edd8a563bebbc7f9242684cae674dce5f7935b",
  "size": 965,
  "signature": "FZShS9oE16minzv3Vae981v4ehAv9ftzjxVOhZDaSvq0KBamnsIYHMXWLsYBodRHeTfnH_lCBt8u8M0TPmDVBQ"
}
