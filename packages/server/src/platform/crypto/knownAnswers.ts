/** Published test vectors, for tests only. Hex as printed in the sources, upper case included. */

const hex = (text: string) => Buffer.from(text, 'hex');

/** RFC 8998 Appendix A.1, SM4-GCM. */
export const RFC8998_SM4_GCM = {
  key: hex('0123456789ABCDEFFEDCBA9876543210'),
  nonce: hex('00001234567800000000ABCD'),
  aad: hex('FEEDFACEDEADBEEFFEEDFACEDEADBEEFABADDAD2'),
  plaintext: hex(
    'AAAAAAAAAAAAAAAABBBBBBBBBBBBBBBBCCCCCCCCCCCCCCCCDDDDDDDDDDDDDDDD' +
      'EEEEEEEEEEEEEEEEFFFFFFFFFFFFFFFFEEEEEEEEEEEEEEEEAAAAAAAAAAAAAAAA',
  ),
  ciphertext: hex(
    '17F399F08C67D5EE19D0DC9969C4BB7D5FD46FD3756489069157B282BB200735' +
      'D82710CA5C22F0CCFA7CBF93D496AC15A56834CBCF98C397B4024A2691233B8D',
  ),
  tag: hex('83DE3541E4C2B58177E065A9BF7B62EC'),
};

/** GB/T 32907-2016 Appendix A, example 1: one SM4 block, key = plaintext. */
export const SM4_BLOCK = {
  key: hex('0123456789abcdeffedcba9876543210'),
  plaintext: hex('0123456789abcdeffedcba9876543210'),
  ciphertext: hex('681edf34d206965e86b3e94f536e4246'),
};

/** McGrew and Viega, "The Galois/Counter Mode of Operation", test case 16 (AES-256, 60 bytes, AAD). */
export const GCM_SPEC_CASE_16 = {
  key: hex('feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308'),
  nonce: hex('cafebabefacedbaddecaf888'),
  aad: hex('feedfacedeadbeeffeedfacedeadbeefabaddad2'),
  plaintext: hex(
    'd9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72' +
      '1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39',
  ),
  ciphertext: hex(
    '522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa' +
      '8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662',
  ),
  tag: hex('76fc6ece0f4e1768cddf8853bb2d551b'),
};
