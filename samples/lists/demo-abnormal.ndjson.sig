{
  "format": "xinbiao-list-sig/1",
  "alg": "Ed25519-SHA256",
  "keyId": "demo-credit-office-2026",
  "sha256": "bc99e3c0b1f29ba2906d212f138c3f9d119efb25059977e509b45d56717420ca",
  "size": 742,
  "signature": "KF3rMgkpXouzUz6mbewz8kbuFKYHlqtaaCo0bmHJDA9qzA-KWZKfdOfCOhxDWR-VdLKPvk8bAzEqOXR2GrxVCg"
}
