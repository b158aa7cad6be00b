{
  "format": "xinbiao-list-sig/1",
  "alg": "Ed25519-SHA256",
  "keyId": "demo-credit-office-2026",
  "sha256": "66285671d96e31df8a44d81fe40246893ae80bd8a42b993ab22de4e5b8a8dfe8",
  "size": 965,
  "signature": "AeLRirMqZjDxHBoe2PJs1ciW2sBun9PRNHnH8STd9xsUiHy47n_3lvRUMADDdyXFXhFp52stEqRTbMapIH5RAg"
}
