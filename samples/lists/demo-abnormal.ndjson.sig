{
  "format": "xinbiao-list-sig/1",
  "alg": "Ed25519-SHA256",
  "keyId": "demo-credit-office-2026",
  "sha256": "e9c97f4b23c5b37386f6eef2b68cc29b68e2dda87bf3ee79f95a098e3bf8a042",
  "size": 742,
  "signature": "HY5h7-6_TowrfDadKb1SL_vBs78YgkZl8aQaMqnElVqrujtyh3Avcq0VO9fvOdpqh6VjSdJ58rHh4eQR-mYHCQ"
}
