{
  "format": "xinbiao-list-sig/1",
  "alg": "Ed25519-SHA256",
  "keyId": "demo-credit-office-2026",
  "sha256": "ce585a51d26d7d694a34cbc1c4ea4208fd8a78d8b26ec15c9ff792ae701ce548",
  "size": 558,
  "signature": "VzbyxlRca57Y2IyPeu6yT8chFvAC6-_83EEV_vIqtk3ZiLb-vgTQYM6G5SifBT1eMgSnOf7JiAIzqbuA3ECLDQ"
}
