{
  "format": "xinbiao-list-sig/1",
  "alg": "Ed25519-SHA256",
  "keyId": "demo-credit-office-2026",
  "sha256": "4c0f40f4991820893f4015ee2f0a112b8e91d3efe83aad63c1b6615b80b31f9a",
  "size": 558,
  "signature": "zUgY-XiKLYYOOoLNTDVZA-hkfJVxJzeINc2m728w5nq9wglCHJw-n49aqc1h5CqDJe4cJq5cf4-8Rbs-vkn7Cw"
}
