{
  "format": "xinbiao-list-sig/1",
  "alg": "Ed25519-SHA256",
  "keyId": "demo-credit-office-2026",
  "sha256": "5a795cb591d6844b0af08a184daded4813fd1a72e7aafb1c78e7edb974febc5e",
  "size": 764,
  "signature": "z9EjZv_R_31oFeAfXD1zu-IpyTQr09iKrnG2C7vAlEw2p1hkl-zKYFxMZE4EE1fg6ApdzqU5v1BaV61IibYxBQ"
}
