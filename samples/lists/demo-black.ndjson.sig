{
  "format": "xinbiao-list-sig/1",
  "alg": "Ed25519-SHA256",
  "keyId": "demo-credit-office-2026",
  "sha256": "496a6c7e2b2d1799224ed5dfd23d64cbda76ce0b61c1a77e849bf8f0163d2133",
  "size": 764,
  "signature": "NFb-lzrfI73X_NcfnAphrI4K8gh0Enk5sLZS5fZFLOPHTe_HHKAsJxceQqb5k7yKmiaZleKFZUI5r8Uo_e3OBg"
}
